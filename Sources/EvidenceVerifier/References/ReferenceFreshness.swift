import Foundation

/// Whether a reference list is recent enough to rely on: one imported more than the policy's
/// `references.maximumAgeDays` before the verification instant gives a warning naming it (the
/// cross-check still runs: an old list is better evidence than none, but the operator should refresh it).
struct ReferenceFreshness {
    let maximumAgeDays: Int

    /// The `reference.stale` warning for `record` at `asOf`, or nil when it is fresh enough.
    func warning(for record: ReferenceRecord, asOf: Date) -> Finding? {
        let age = asOf.timeIntervalSince(record.importedAt)
        guard age > TimeInterval(maximumAgeDays) * 86_400 else { return nil }
        return .warning(
            .referenceStale,
            "\(record.kind.described.prefix(1).uppercased() + record.kind.described.dropFirst()) used (SHA-256 \(record.sha256.prefix(12))…, \(record.rows) rows, imported \(ISOInstant.string(record.importedAt))) is \(Int(age / 86_400)) days old at the verification instant, more than the \(maximumAgeDays) days the policy allows (references.maximumAgeDays).",
            location: "reference \(record.kind.rawValue) \(record.sha256)")
    }
}

extension FindingCode {
    /// A reference list used is older than `references.maximumAgeDays` at the as-of instant.
    public static let referenceStale = FindingCode("reference.stale")
}
