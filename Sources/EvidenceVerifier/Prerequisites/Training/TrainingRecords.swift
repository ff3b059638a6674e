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

    /// Streams every usable `training-records` file of `bundle` into a ledger, judging each row by `rules` at
    /// `asOf`: while one thread parses a piece of a file and another judges the previous piece's rows, a third
    /// enters the rows judged before those in the ledger.
    static func read(_ bundle: EvidenceBundle, rules: Policy.Training, asOf: Date) -> TrainingRecords {
        let files = bundle.usableFiles(.trainingRecords)
        var findings = CappedFindings()
        var judge = TrainingRowJudge(rules: rules, asOf: asOf)
        var ledger = TrainingLedger(asOf: asOf)
        if let declared = bundle.manifest.manifest?.organisation.staffCount {
            // One entry per person: sized once for the declared staff (no more than the files could name).
            // The keys' bytes are reserved generously (64 a person, at most half the files): reserved memory is
            // not resident until used, while outgrowing a tight reservation would copy every key once.
            let fileBytes = files.totalBytes
            ledger.reserveCapacity(staff: min(max(declared, 0), fileBytes / 32), keyBytes: min(max(declared, 0) * 64, fileBytes / 2))
        }
        var entering = LedgerBatch()
        var readable = false
        for file in files {
            let reader = CSVEvidenceReader<TrainingColumn>(file: file)
            let path = reader.path
            var namesNoOne = false
            readable = reader.read(into: &findings) {
                swap(&judge.noted, &entering)
            } alongside: {
                ledger.enter(&entering)
            } _: { record, findings in
                judge.take(record, path: path, namesNoOne: &namesNoOne, findings: &findings)
            } || readable
        }
        return TrainingRecords(ledger: readable ? ledger : nil, findings: findings, keys: judge.keys, dates: judge.dates)
    }
}
