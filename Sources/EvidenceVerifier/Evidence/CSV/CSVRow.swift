/// One CSV record as read: the physical line it starts on and its fields' bytes.
///
/// Fields are UTF-8 bytes (already validated) turned into strings only when asked, so a check pays for
/// the columns it reads and nothing else. A view, without a copy, of the bytes read (a plain record) or
/// of the parser's record buffer (one with quotes, or split across chunks): valid only while the record
/// is being handed to the reader's body, so it is never stored.
public struct CSVRow {
    /// The physical line (1-based) on which the record starts.
    public let line: Int
    /// The bytes the fields lie in.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Each field's start and end offsets in `bytes`, one pair after another.
    let bounds: UnsafeBufferPointer<Int>

    /// How many fields the record has.
    public var count: Int { bounds.count / 2 }

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
        let range = range(index)
        var start = range.lowerBound, end = range.upperBound
        while start < end, Self.isBlank(bytes[start]) { start += 1 }
        while end > start, Self.isBlank(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    private func range(_ index: Int) -> Range<Int> {
        bounds[2 * index]..<bounds[2 * index + 1]
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
