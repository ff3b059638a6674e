/// One field of the record being read, as its UTF-8 bytes (already validated, quotes removed, leading
/// and trailing spaces and tabs trimmed), without a copy: checks compare, parse and hash these bytes
/// and make a `String` only for a message.
///
/// A view of the reader's record buffer: valid only while the record is being handed to the reader's
/// body, so it is never stored.
struct CSVField: CustomStringConvertible {
    let bytes: UnsafeBufferPointer<UInt8>

    var isEmpty: Bool { bytes.isEmpty }

    /// The text, for a message or a rule that needs a `String`.
    var description: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the field is `lowercasedASCII` in any case (`No Expiry`, `NO EXPIRY`). `lowercasedASCII`
    /// must be lower-case ASCII; a field with other bytes never matches it.
    func equalsIgnoringCase(_ lowercasedASCII: StaticString) -> Bool {
        guard bytes.count == lowercasedASCII.utf8CodeUnitCount else { return false }
        let wanted = lowercasedASCII.utf8Start
        for index in 0..<bytes.count where ASCIICase.lowered(bytes[index]) != wanted[index] { return false }
        return true
    }
}

/// Byte-wise ASCII case folding: the Unicode rules restricted to ASCII, where only A–Z change.
enum ASCIICase {
    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// `bytes` lower-cased into `buffer` (replacing what it held): byte-wise when they are ASCII, else
    /// by the full Unicode rules of `String.lowercased()` (`İ` becomes `i̇`, `K` the Kelvin sign becomes `k`).
    static func lowercase(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        appendLowercased(bytes, to: &buffer)
    }

    /// `bytes` lower-cased as `lowercase(_:into:)` does, appended to `buffer`.
    static func appendLowercased(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        let start = buffer.count
        var high: UInt8 = 0
        for byte in bytes {
            high |= byte
            buffer.append(lowered(byte))
        }
        if high & 0x80 != 0 {
            buffer.removeSubrange(start...)
            buffer.append(contentsOf: String(decoding: bytes, as: UTF8.self).lowercased().utf8)
        }
    }
}
