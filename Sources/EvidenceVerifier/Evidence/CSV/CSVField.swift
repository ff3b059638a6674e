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

    /// `bytes` lower-cased as `lowercase(_:into:)` does, appended to `buffer`: ASCII is copied and then
    /// lower-cased in place eight bytes at a time.
    static func appendLowercased(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: bytes)
        let ascii = buffer.withUnsafeMutableBufferPointer { buffer in
            lowercaseASCIIInPlace(UnsafeMutableBufferPointer(rebasing: buffer[start...]))
        }
        if !ascii {
            buffer.removeSubrange(start...)
            buffer.append(contentsOf: String(decoding: bytes, as: UTF8.self).lowercased().utf8)
        }
    }

    /// Lower-cases A–Z in `bytes`, returning false (and leaving any byte ≥ 0x80 as it was) when they are not all ASCII.
    private static func lowercaseASCIIInPlace(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0, high: UInt64 = 0
        while index + 8 <= count {
            let raw = UnsafeMutableRawPointer(base + index)
            let word = raw.loadUnaligned(as: UInt64.self)
            high |= word
            raw.storeBytes(of: lowercasedWord(word), as: UInt64.self)
            index += 8
        }
        var tail: UInt8 = 0
        while index < count {
            tail |= base[index]
            base[index] = lowered(base[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0 && tail & 0x80 == 0
    }

    /// The eight ASCII bytes of `word` with A–Z lower-cased (bytes ≥ 0x80 are left as they are): a byte's
    /// low seven bits plus 0x3F carry into bit 7 from `A` up, plus 0x25 from `[` up; the bytes where exactly
    /// the first carries are A–Z, and get 0x20.
    @inline(__always)
    private static func lowercasedWord(_ word: UInt64) -> UInt64 {
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let fromA = low &+ 0x3F3F_3F3F_3F3F_3F3F, fromBracket = low &+ 0x2525_2525_2525_2525
        let upper = (fromA ^ fromBracket) & ~word & 0x8080_8080_8080_8080
        return word | (upper >> 2)
    }
}
