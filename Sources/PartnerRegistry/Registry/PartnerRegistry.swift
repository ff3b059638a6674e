import Foundation
import GRDB

/// The registry of partners in a data folder: who applied, what they submitted, every verification and
/// every decision of the steering group, and the waivers it granted. Each change that touches several
/// rows happens in one transaction, so a run killed half-way leaves either all of it or none.
public final class PartnerRegistry: Sendable {
    public let dataDirectory: DataDirectory
    private let pool: DatabasePool

    private init(dataDirectory: DataDirectory, pool: DatabasePool) {
        self.dataDirectory = dataDirectory
        self.pool = pool
    }

    /// Opens the registry of `dataDirectory`, creating the folder and an empty registry when missing.
    /// A foreign or newer file is refused unmodified; a read-only folder is `RegistryError.readOnly`.
    public static func open(_ dataDirectory: DataDirectory) throws(RegistryError) -> PartnerRegistry {
        try dataDirectory.prepare()
        let pool = try RegistryDatabase.open(dataDirectory.registryFile)
        return PartnerRegistry(dataDirectory: dataDirectory, pool: pool)
    }

    public var evidenceStore: EvidenceStore { EvidenceStore(dataDirectory: dataDirectory) }
    public var reportArchive: ReportArchive { ReportArchive(dataDirectory: dataDirectory) }
    public var referenceStore: ReferenceStore { ReferenceStore(dataDirectory: dataDirectory) }

    // MARK: Reading

    public func partner(_ odsCode: String) throws(RegistryError) -> Partner? {
        try read { db in try Partner.fetchOne(db, key: odsCode) }
    }

    /// Every partner and applicant, by ODS code.
    public func partners() throws(RegistryError) -> [Partner] {
        try read { db in try Partner.order(Column("odsCode")).fetchAll(db) }
    }

    public func submission(id: Int64) throws(RegistryError) -> Submission? {
        try read { db in try Submission.fetchOne(db, key: id) }
    }

    /// The most recent verification of one submission (a re-verification follows its submission's first).
    public func latestVerification(submissionId: Int64) throws(RegistryError) -> Verification? {
        try read { db in try Verification.filter(Column("submissionId") == submissionId).order(Column("id").desc).fetchOne(db) }
    }

    public func submission(sha256: String) throws(RegistryError) -> Submission? {
        try read { db in try Submission.filter(Column("bundleSha256") == sha256).fetchOne(db) }
    }

    /// The partner's submissions, oldest first.
    public func submissions(odsCode: String) throws(RegistryError) -> [Submission] {
        try read { db in try Submission.filter(Column("odsCode") == odsCode).order(Column("id")).fetchAll(db) }
    }

    /// The partner's most recent submission (the one re-verification reads).
    public func latestSubmission(odsCode: String) throws(RegistryError) -> Submission? {
        try read { db in
            try Submission.filter(Column("odsCode") == odsCode).order(Column("receivedAt").desc, Column("id").desc).fetchOne(db)
        }
    }

    /// The partner's verifications, oldest first.
    public func verifications(odsCode: String) throws(RegistryError) -> [Verification] {
        try read { db in try Verification.filter(Column("odsCode") == odsCode).order(Column("id")).fetchAll(db) }
    }

    public func latestVerification(odsCode: String) throws(RegistryError) -> Verification? {
        try read { db in try Verification.filter(Column("odsCode") == odsCode).order(Column("id").desc).fetchOne(db) }
    }

    /// The latest verification of every partner that has one, keyed by ODS code.
    public func latestVerifications() throws(RegistryError) -> [String: Verification] {
        try read { db in
            let rows = try Verification.fetchAll(
                db, sql: "SELECT * FROM verification WHERE id IN (SELECT MAX(id) FROM verification GROUP BY odsCode)")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.odsCode, $0) })
        }
    }

    /// The steering group's decisions about the partner, oldest first.
    public func decisions(odsCode: String) throws(RegistryError) -> [PartnerDecision] {
        try read { db in try PartnerDecision.filter(Column("odsCode") == odsCode).order(Column("id")).fetchAll(db) }
    }

    /// Every waiver granted to the partner, oldest first (lapsed and revoked ones included).
    public func waivers(odsCode: String) throws(RegistryError) -> [Waiver] {
        try read { db in try Waiver.filter(Column("odsCode") == odsCode).order(Column("id")).fetchAll(db) }
    }

    /// The waivers that accept a finding in a verification as of `instant`.
    public func waivers(odsCode: String, applyingAt instant: Date) throws(RegistryError) -> [Waiver] {
        try waivers(odsCode: odsCode).filter { $0.applies(at: instant) }
    }

    /// The reference lists verifications use: the latest import of each kind and name (for ODS files,
    /// `epraccur`, `etr`, … each), oldest name first.
    public func latestReferences() throws(RegistryError) -> [ImportedReference] {
        try read { db in
            try ImportedReference.fetchAll(
                db,
                sql: """
                    SELECT * FROM reference WHERE id IN (
                        SELECT (SELECT id FROM reference AS r WHERE r.kind = l.kind AND r.name = l.name
                                ORDER BY importedAt DESC, id DESC LIMIT 1)
                        FROM (SELECT DISTINCT kind, name FROM reference) AS l)
                    ORDER BY kind, name
                    """)
        }
    }

    /// Every import, oldest first.
    public func references() throws(RegistryError) -> [ImportedReference] {
        try read { db in try ImportedReference.order(Column("id")).fetchAll(db) }
    }

    /// Every token ever issued, oldest first (revoked ones included).
    public func tokens() throws(RegistryError) -> [AccessToken] {
        try read { db in try AccessToken.order(Column("id")).fetchAll(db) }
    }

    public func token(id: Int64) throws(RegistryError) -> AccessToken? {
        try read { db in try AccessToken.fetchOne(db, key: id) }
    }

    // MARK: Recording

    /// Records one import of a reference list; returns it with its id.
    public func recordReference(_ reference: ImportedReference) throws(RegistryError) -> ImportedReference {
        try write { db in
            var reference = reference
            try reference.insert(db)
            return reference
        }
    }

    /// Records a newly issued token; returns it with its id.
    public func recordToken(_ token: AccessToken) throws(RegistryError) -> AccessToken {
        try write { db in
            var token = token
            try token.insert(db)
            return token
        }
    }

    /// Revokes a token: from then on it opens nothing. A token that is unknown or already revoked is refused.
    public func revokeToken(id: Int64, at instant: Date) throws(RegistryError) -> AccessToken {
        try write { db in
            guard var token = try AccessToken.fetchOne(db, key: id) else {
                throw RegistryError.invalidValue(field: "token \(id)", reason: "no such token")
            }
            guard token.revokedAt == nil else {
                throw RegistryError.invalidValue(field: "token \(id)", reason: "is already revoked")
            }
            token.revokedAt = instant
            try token.update(db)
            return token
        }
    }

    /// Records a stored bundle as a submission of `odsCode`, adding the organisation as an applicant when
    /// it is new, and the bundle's verification when given (its `submissionId` is filled in): all in one
    /// transaction. Identical bytes already recorded are the existing submission (`isNew` false);
    /// identical bytes recorded for another organisation are refused.
    public func recordSubmission(
        odsCode: String, name: String, evidence: StoredEvidence, receivedAt: Date, verification: Verification? = nil
    ) throws(RegistryError) -> RecordedSubmission {
        try write { db in
            var submission: Submission
            let isNew: Bool
            if let existing = try Submission.filter(Column("bundleSha256") == evidence.sha256).fetchOne(db) {
                guard existing.odsCode == odsCode else {
                    throw RegistryError.invalidValue(
                        field: "bundle", reason: "the same bytes were submitted for \(existing.odsCode), not \(odsCode)")
                }
                (submission, isNew) = (existing, false)
            } else {
                if try Partner.fetchOne(db, key: odsCode) == nil {
                    try Partner(odsCode: odsCode, name: name, createdAt: receivedAt).insert(db)
                }
                submission = Submission(
                    odsCode: odsCode, bundleSha256: evidence.sha256, receivedAt: receivedAt,
                    storedPath: evidence.relativePath, bytes: evidence.bytes)
                try submission.insert(db)
                isNew = true
            }
            var recorded: Verification?
            if var verification, let id = submission.id {
                verification.submissionId = id
                try verification.insert(db)
                recorded = verification
            }
            return RecordedSubmission(submission: submission, isNew: isNew, verification: recorded)
        }
    }

    /// Records a verification of a recorded submission; returns it with its id.
    public func recordVerification(_ verification: Verification) throws(RegistryError) -> Verification {
        try write { db in
            var verification = verification
            try verification.insert(db)
            return verification
        }
    }

    /// Records several verifications in one transaction (a batch of a re-verification run); returns them with their ids.
    public func recordVerifications(_ verifications: [Verification]) throws(RegistryError) -> [Verification] {
        try write { db in
            try verifications.map { verification in
                var verification = verification
                try verification.insert(db)
                return verification
            }
        }
    }

    /// Changes a partner's status (approve, suspend, withdraw) and records the decision, in one transaction.
    /// Approval sets the access level and the ISA; a change the lifecycle does not allow is refused.
    public func changeStatus(
        odsCode: String, to status: PartnerStatus, access: AccessLevel? = nil, isa: StoredEvidence? = nil,
        by person: String, reason: String, at instant: Date
    ) throws(RegistryError) -> Partner {
        try write { db in
            guard var partner = try Partner.fetchOne(db, key: odsCode) else { throw RegistryError.unknownPartner(odsCode: odsCode) }
            let previous = partner.status
            guard previous.allowsChange(to: status) else {
                throw RegistryError.invalidTransition(odsCode: odsCode, from: previous, to: status)
            }
            partner.status = status
            if let access { partner.access = access }
            if let isa {
                partner.isaSha256 = isa.sha256
                partner.isaPath = isa.relativePath
            }
            partner.updatedAt = instant
            try partner.update(db)
            var decision = PartnerDecision(
                odsCode: odsCode, action: DecisionAction(status), by: person, at: instant, reason: reason,
                fromStatus: previous, toStatus: status)
            try decision.insert(db)
            return partner
        }
    }

    /// Grants a waiver and records the decision, in one transaction.
    public func grant(_ waiver: Waiver) throws(RegistryError) -> Waiver {
        try write { db in
            guard try Partner.fetchOne(db, key: waiver.odsCode) != nil else {
                throw RegistryError.unknownPartner(odsCode: waiver.odsCode)
            }
            var waiver = waiver
            try waiver.insert(db)
            var decision = PartnerDecision(
                odsCode: waiver.odsCode, action: .waived, by: waiver.approvedBy, at: waiver.approvedAt,
                reason: "\(waiver.findingCode): \(waiver.reason)")
            try decision.insert(db)
            return waiver
        }
    }

    /// Revokes a waiver (it stops applying at once) and records the decision, in one transaction.
    public func revokeWaiver(id: Int64, by person: String, reason: String, at instant: Date) throws(RegistryError) -> Waiver {
        try write { db in
            guard var waiver = try Waiver.fetchOne(db, key: id), waiver.revokedAt == nil else {
                throw RegistryError.invalidValue(field: "waiver", reason: "no waiver \(id) in force")
            }
            waiver.revokedAt = instant
            waiver.revokedBy = person
            try waiver.update(db)
            var decision = PartnerDecision(
                odsCode: waiver.odsCode, action: .waiverRevoked, by: person, at: instant, reason: "\(waiver.findingCode): \(reason)")
            try decision.insert(db)
            return waiver
        }
    }

    /// Copies the whole registry into a new file at `url` (SQLite's `VACUUM INTO`: one consistent snapshot,
    /// writers wait meanwhile); an existing file there is refused, never overwritten.
    public func backup(to url: URL) throws(RegistryError) {
        var status = stat()
        guard lstat(url.path, &status) != 0 else {
            throw RegistryError.fileProblem(path: url.path, reason: "already exists; refused (a backup never overwrites)")
        }
        do {
            // VACUUM cannot run inside a transaction; SQLite itself refuses an existing output file too.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [url.path]) }
        } catch {
            throw RegistryDatabase.problem(error, url: url)
        }
    }

    // MARK: Transactions

    private func read<T>(_ body: (Database) throws -> T) throws(RegistryError) -> T {
        do {
            return try pool.read(body)
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryDatabase.problem(error, url: dataDirectory.registryFile)
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(RegistryError) -> T {
        do {
            return try pool.write(body)
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryDatabase.problem(error, url: dataDirectory.registryFile)
        }
    }
}
