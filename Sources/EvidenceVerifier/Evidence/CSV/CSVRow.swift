/// One CSV record as read: the physical line it starts on and its fields' bytes.
///
/// Fields are kept as UTF-8 bytes (already validated) and turned into strings only when asked,
/// so a check pays for the columns it reads and nothing else.
public struct CSVRow: Sendable {
    /// The physical line (1-based) on which the record starts.
    public let line: Int
    /// Every field's bytes, one after another.
    let bytes: [UInt8]
    /// The end offset of each field in `bytes`.
    let ends: [Int]

    /// How many fields the record has.
    public var count: Int { ends.count }

    /// The field at `index` (0-based) as a string, exactly as written (quotes removed).
    public subscript(index: Int) -> String {
        String(decoding: bytes[range(index)], as: UTF8.self)
    }

    /// The field at `index` without leading and trailing spaces and tabs.
    public func trimmed(_ index: Int) -> String {
        String(decoding: bytes[trimmedRange(index)], as: UTF8.self)
    }

    /// Where the field at `index`, without leading and trailing spaces and tabs, lies in `bytes`.
    func trimmedRange(_ index: Int) -> Range<Int> {
        var range = range(index)
        while let first = range.first, Self.isBlank(bytes[first]) { range = range.dropFirst() }
        while let last = range.last, Self.isBlank(bytes[last]) { range = range.dropLast() }
        return range
    }

    private func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
