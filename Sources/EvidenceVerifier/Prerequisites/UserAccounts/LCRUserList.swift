/// The LCR users named in a bundle's `user-accounts` evidence, streamed in file order without
/// repeats. Problems with that file are the `user-accounts` check's to report.
enum LCRUserList {
    /// One user: the lower-cased address, and the lower-cased staff ID when the row gives a usable one.
    struct User {
        let email: String
        let staffID: String?
    }

    /// Hands each user to `body` once (by address), in file order; returns false when there is
    /// no usable, readable user-accounts file. Only the set of addresses seen is kept (as compact bytes).
    static func forEachUser(in bundle: EvidenceBundle, _ body: (User) -> Void) -> Bool {
        var seen = CompactStringSet()
        var ignored = CappedFindings(limitPerCode: 0)
        var readable = false
        for file in bundle.usableFiles(.userAccounts) {
            readable = CSVEvidenceReader<UserAccountColumn>(file: file).read(into: &ignored) { record, _ in
                let email = record[.email].lowercased()
                if !email.isEmpty, seen.insert(email).inserted {
                    body(User(email: email, staffID: StaffID.normalised(record[.staffID])))
                }
            } || readable
        }
        return readable
    }
}
