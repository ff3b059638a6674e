/// One CSV record as read: the physical line it starts on and its fields' bytes.
///
/// Fields are UTF-8 bytes (already validated) turned into strings only when asked, so a check pays for
/// the columns it reads and nothing else. A view, without a copy, of the bytes read (a plain record) or
/// of the parser's record buffer (one with quotes, or split across chunks): valid only while the record
/// is being handed to the reader's body, so it is never stored.
public struct CSVRow {
    /// The physical line (1-based) on which the record starts.
    public let line: Int
    /// Every field's bytes, one after another.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The end offset of each field in `bytes`.
    let ends: UnsafeBufferPointer<Int>
    /// Bytes between one field's end and the next one's start: 1 (the comma) for a record read in place,
    /// 0 for one the parser copied field by field.
    let gap: Int

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
        (index == 0 ? 0 : ends[index - 1] + gap)..<ends[index]
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
