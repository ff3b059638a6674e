/// Flags local parts that look like a shared or generic mailbox (`reception`, `reception.leeds`,
/// `info-team`): the whole local part, or its first dot-, hyphen- or underscore-separated token,
/// is one of the listed words (case-insensitive). An address alone cannot prove sharing, so this
/// only ever warns.
public struct SharedMailboxRule: Sendable, Equatable {
    public let words: Set<String>
    /// The words' bytes when every word is ASCII, for `sharedWord(inLowercasedASCII:)`; nil otherwise
    /// (a non-ASCII word can equal ASCII text under Unicode equivalence, which only `String` decides).
    private let asciiWords: [[UInt8]]?

    public init(words: [String]) {
        self.words = Set(words.map { $0.lowercased() })
        let bytes = self.words.map { Array($0.utf8) }
        asciiWords = bytes.allSatisfy { $0.allSatisfy { $0 < 0x80 } } ? bytes : nil
    }

    /// What `sharedWord(in:)` says of a local part given as lower-cased ASCII bytes, decided on the bytes:
    /// `.some(word)` or `.some(nil)`; nil when only the `String` rule can decide (a word is not ASCII).
    func sharedWord(inLowercasedASCII local: UnsafeBufferPointer<UInt8>) -> String?? {
        guard let asciiWords else { return nil }
        let tokenEnd = local.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") } ?? local.count
        for candidate in [local, UnsafeBufferPointer(rebasing: local[..<tokenEnd])] {
            if let word = asciiWords.first(where: { $0.elementsEqual(candidate) }) {
                return .some(String(decoding: word, as: UTF8.self))
            }
        }
        return .some(nil)
    }

    /// The listed word the local part matches, if any.
    public func sharedWord(in localPart: String) -> String? {
        let local = localPart.lowercased()
        if words.contains(local) { return local }
        let first = String(local.prefix { $0 != "." && $0 != "-" && $0 != "_" })
        return words.contains(first) ? first : nil
    }
}
