/// A reference list read whole into memory by ODS code (tens of thousands of rows are a few megabytes),
/// with the record of the exact file it was read from. Codes are compared case-insensitively.
public struct ReferenceRegister<Entry: Sendable>: Sendable {
    public let record: ReferenceRecord
    private let entries: [String: Entry]

    /// `entries` keyed by upper-cased code.
    init(record: ReferenceRecord, entries: [String: Entry]) {
        self.record = record
        self.entries = entries
    }

    /// The entry for `odsCode`, or nil when the list does not name it.
    public func entry(for odsCode: String) -> Entry? {
        entries[odsCode.uppercased()]
    }
}

/// The national DSPT published-status list (read by `DSPTRegisterBuilder`).
public typealias DSPTRegister = ReferenceRegister<DSPTRegisterEntry>
/// One ODS register file (read by `ODSRegisterBuilder`).
public typealias ODSRegister = ReferenceRegister<ODSRegisterEntry>
