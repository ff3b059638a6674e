/// The LCR users named in a bundle's `user-accounts` evidence, as lower-cased addresses in file
/// order without repeats. Problems with that file are the `user-accounts` check's to report.
enum LCRUserList {
    /// Nil when there is no usable, readable user-accounts file.
    static func read(from bundle: EvidenceBundle) -> [String]? {
        var users: [String] = []
        var seen: Set<String> = []
        var ignored = CappedFindings(limitPerCode: 0)
        var readable = false
        for file in bundle.usableFiles(.userAccounts) {
            readable = CSVEvidenceReader<UserAccountColumn>(file: file).read(into: &ignored) { record, _ in
                let email = record[.email].lowercased()
                if !email.isEmpty, seen.insert(email).inserted { users.append(email) }
            } || readable
        }
        return readable ? users : nil
    }
}
