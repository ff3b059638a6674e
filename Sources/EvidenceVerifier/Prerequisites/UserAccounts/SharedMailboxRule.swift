/// Flags local parts that look like a shared or generic mailbox (`reception`, `reception.leeds`,
/// `info-team`): the whole local part, or its first dot-, hyphen- or underscore-separated token,
/// is one of the listed words (case-insensitive). An address alone cannot prove sharing, so this
/// only ever warns.
public struct SharedMailboxRule: Sendable, Equatable {
    public let words: Set<String>

    public init(words: [String]) {
        self.words = Set(words.map { $0.lowercased() })
    }

    /// The listed word the local part matches, if any.
    public func sharedWord(in localPart: String) -> String? {
        let local = localPart.lowercased()
        if words.contains(local) { return local }
        let first = String(local.prefix { $0 != "." && $0 != "-" && $0 != "_" })
        return words.contains(first) ? first : nil
    }
}
