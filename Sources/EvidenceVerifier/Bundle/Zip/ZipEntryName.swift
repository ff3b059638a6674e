/// An entry's name exactly as the archive spells it (raw bytes): checked as UTF-8 and as a bundle path, and
/// quoted for messages with control and format characters escaped, so a hostile name cannot move the cursor
/// or redraw the terminal.
struct ZipEntryName: Hashable {
    /// Longest part of a name shown in a message, in characters.
    static let maximumShownLength = 120
    /// Most folders a name may go down: a bundle is shallow, and deep trees are slow to make and remove.
    static let maximumDepth = 8

    let bytes: [UInt8]

    /// A folder entry: the name ends with "/".
    var isFolder: Bool { bytes.last == UInt8(ascii: "/") }

    /// The name without a folder's trailing "/".
    var path: [UInt8] { isFolder ? Array(bytes.dropLast()) : bytes }

    /// The path's components, once `problem` is nil.
    var components: [String] {
        String(decoding: path, as: UTF8.self).split(separator: "/").map(String.init)
    }

    /// Nil when the name is UTF-8, an acceptable bundle path and not too deep, else why it is refused.
    var problem: String? {
        guard let text = String(validating: path, as: UTF8.self) else { return "is not valid UTF-8" }
        if let problem = BundlePath.problem(with: text) { return problem }
        if path.count(where: { $0 == UInt8(ascii: "/") }) > Self.maximumDepth {
            return "is nested more than \(Self.maximumDepth) folders deep"
        }
        return nil
    }

    /// The name in double quotes for a message, cut after `maximumShownLength` characters: what could move
    /// the cursor or redraw the terminal escaped by `TerminalText`, bytes that are not UTF-8 shown as `\xFF`.
    var quoted: String {
        let limit = Self.maximumShownLength
        let shown: String
        let isCut: Bool
        if let text = String(validating: bytes, as: UTF8.self) {
            isCut = text.unicodeScalars.count > limit
            shown = TerminalText.escaped(String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))))
        } else {
            isCut = bytes.count > limit
            shown = bytes.prefix(limit).map { byte in
                byte < 0x80 ? TerminalText.escaped(String(UnicodeScalar(byte))) : "\\x" + String(byte, radix: 16, uppercase: true)
            }.joined()
        }
        return "\"" + shown + (isCut ? "…" : "") + "\""
    }
}
