import Foundation

/// The bundle's `training-records` evidence read once, before any check runs (a large file is streamed,
/// hashed as it is parsed): one ledger entry per distinct member of staff and what the rows' rules found.
/// The `ig-training` check judges the staff share and each LCR user from it.
struct TrainingRecords: Sendable {
    /// Nil when no file could be read at all (why is in `findings`).
    let ledger: TrainingLedger?
    /// What the rows' rules found (capped per code).
    let findings: CappedFindings
    /// Which person keys the files used.
    let keys: PersonKeys
    /// The date parser the rows were read with (it spells days in messages the same way).
    let dates: EvidenceDateParser

    /// What stands in for the records when a streamed training file turned out not to match the manifest:
    /// no ledger, and the error saying why (see `UnusableEvidence.setAside`).
    static func setAside(in bundle: EvidenceBundle) -> TrainingRecords {
        var findings = CappedFindings()
        findings.append(UnusableEvidence.setAside(.trainingRecords, code: .trainingMissing, in: bundle))
        return TrainingRecords(ledger: nil, findings: findings, keys: PersonKeys(), dates: EvidenceDateParser())
    }

    /// Streams every usable `training-records` file of `bundle` into a ledger, judging each row by `rules` at `asOf`.
    static func read(_ bundle: EvidenceBundle, rules: Policy.Training, asOf: Date) -> TrainingRecords {
        let files = bundle.usableFiles(.trainingRecords)
        var dates = EvidenceDateParser()
        var findings = CappedFindings()
        var keys = PersonKeys()
        let validityDays = rules.validityDays
        var courses = CourseMatcher(acceptedCourses: rules.acceptedCourses)
        var ledger = TrainingLedger(asOf: asOf)
        if let declared = bundle.manifest.manifest?.organisation.staffCount {
            // One entry per person: sized once for the declared staff (no more than the files could name).
            // The keys' bytes are reserved generously (64 a person, at most half the files): reserved memory is
            // not resident until used, while outgrowing a tight reservation would copy every key once.
            let fileBytes = files.reduce(0) { $0 + Int(clamping: $1.bytes ?? 0) }
            ledger.reserveCapacity(staff: min(max(declared, 0), fileBytes / 32), keyBytes: min(max(declared, 0) * 64, fileBytes / 2))
        }
        var readable = false
        for file in files {
            let reader = CSVEvidenceReader<TrainingColumn>(file: file)
            let path = reader.path
            var namesNoOne = false
            readable = reader.read(into: &findings) { record, findings in
                func date(_ column: TrainingColumn) -> EvidenceDate? {
                    let field = record.field(column)
                    if let date = dates.parse(field) { return date }
                    let text = field.description
                    let problem = text.isEmpty ? "has no \(column.name)" : "has \(CellText.quoted(text)) as \(column.name), which is not a date (use \(EvidenceDateParser.acceptedForms))"
                    findings.append(.error(text.isEmpty ? .csvMissingValue : .dateInvalid, "Line \(record.line) of \(path) \(problem).", evidence: path, location: "line \(record.line), column \(column.name)"))
                    return nil
                }
                let keyColumn: TrainingColumn
                if record.has(.email) {
                    keyColumn = .email
                } else if record.has(.staffID) {
                    keyColumn = .staffID
                } else if record.has(.assignment) {
                    keyColumn = .assignment
                } else {
                    if !namesNoOne {
                        namesNoOne = true
                        findings.append(.error(.csvMissingColumn, "\(path) has no \(TrainingColumn.email.namesForMessage), \(TrainingColumn.staffID.namesForMessage) or \(TrainingColumn.assignment.name) column, so its rows name no one", evidence: path, location: "column Email"))
                    }
                    return
                }
                keys.used(keyColumn)
                let text = record.field(keyColumn)
                guard !text.isEmpty else {
                    findings.append(.error(.csvMissingValue, "Line \(record.line) of \(path) has no \(keyColumn.name).", evidence: path, location: "line \(record.line), column \(keyColumn.name)"))
                    return
                }
                if let problem = Self.personKeyProblem(text, in: keyColumn) {
                    // Counted among the staff (it can only lower the share), never as trained; a key longer than
                    // any address is not kept (its error fails the check anyway), so memory stays small per row.
                    if text.bytes.count <= EmailAddress.maximumLength { ledger.note(text) }
                    findings.append(.error(.trainingPersonInvalid, "Line \(record.line) of \(path) names \(CellText.quoted(text.description)) as the person, which \(problem). Its training does not count.", evidence: path, location: "line \(record.line), column \(keyColumn.name)"))
                    return
                }
                var alias: String?
                if keyColumn == .staffID, let assignment = StaffID.normalised(record[.assignment]), assignment != text.description.lowercased() {
                    alias = assignment
                }
                /// The row's accepted completion's expiry, or nil when it has none (or its dates cannot be read).
                func acceptedExpiry() -> Date? {
                    let course = record.field(.course)
                    guard courses.accepts(course), let completed = date(.completed) else { return nil }
                    guard completed.instant <= asOf else {
                        findings.append(.error(.trainingCompletedInFuture, "\(text) is recorded as completing \(CellText.quoted(course.description)) on \(record[.completed]), after the verification instant \(ISOInstant.string(asOf)).", evidence: path, location: "line \(record.line), column Completion Date"))
                        return nil
                    }
                    // The earlier of the stated expiry and the policy's validity: a far-off `Expiry Date`
                    // cannot stretch a completion past `validityDays`.
                    let expiry = dates.adding(days: validityDays, to: completed)
                    if Self.statesNoExpiry(record.field(.expires)) { return expiry }
                    return date(.expires).map { min(expiry, $0.instant) }
                }
                ledger.note(text, expiry: acceptedExpiry(), alias: alias)
            } || readable
        }
        ledger.finish()
        return TrainingRecords(ledger: readable ? ledger : nil, findings: findings, keys: keys, dates: dates)
    }

    /// Whether an `Expiry Date` cell gives no expiry: blank, or ESR's `No expiry` (any case).
    /// The validity period then decides.
    private static func statesNoExpiry(_ field: CSVField) -> Bool {
        // Only ASCII text lower-cases to "no expiry", so comparing the bytes in any case is the same test.
        field.isEmpty || field.equalsIgnoringCase("no expiry")
    }

    /// Why `key` cannot identify a person in `column`, or nil when it can: an Email key must be an
    /// address, a Staff ID key a staff identifier.
    private static func personKeyProblem(_ key: CSVField, in column: TrainingColumn) -> String? {
        if column != .email {
            return StaffID.isStaffID(key.bytes)
                ? nil : "is not a staff ID (1 to \(StaffID.maximumLength) letters, digits, -, /, . or _)"
        }
        if EmailAddress.isWellFormedASCII(key.bytes) { return nil }
        if case .failure(let problem) = EmailAddress.parse(key.description) { return "is not an email address: it \(problem)" }
        return nil
    }

}
