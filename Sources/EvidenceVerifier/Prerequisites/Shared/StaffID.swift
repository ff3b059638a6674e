/// A staff identifier as ESR and HR exports give it (`12345678`, `12345678-2`, `E1234`): 1 to
/// `maximumLength` ASCII letters, digits, `-`, `/`, `.` or `_`, starting with a letter or digit.
/// Compared case-insensitively (kept lower-cased); it never contains `@`, so it cannot be
/// mistaken for an email address used as a key.
enum StaffID {
    static let maximumLength = 32

    /// The lower-cased identifier, or nil when `text` is not one.
    static func normalised(_ text: String) -> String? {
        var text = text, buffer: [UInt8] = []
        return text.withUTF8 { normalise($0, into: &buffer) } ? String(decoding: buffer, as: UTF8.self) : nil
    }

    /// Whether the UTF-8 `bytes` are a staff identifier; if so, `buffer` holds it lower-cased (a staff ID
    /// is ASCII, so byte by byte).
    static func normalise(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt8]) -> Bool {
        guard isStaffID(bytes) else { return false }
        ASCIICase.lowercase(bytes, into: &buffer)
        return true
    }

    /// Whether the UTF-8 `bytes` are a staff identifier.
    static func isStaffID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (1...maximumLength).contains(bytes.count), let first = bytes.first, isLetterOrDigit(first) else { return false }
        return bytes.allSatisfy { isLetterOrDigit($0) || isPunctuation($0) }
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
