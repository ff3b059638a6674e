/// Prerequisite 4: every LCR user has an individual account on an allowed domain
/// (`nhs.net`, `gov.uk`, `*.gov.uk` by default), read from the `user-accounts` evidence.
///
/// Fails on a malformed address, a domain the policy does not allow, the same address twice
/// (compared case-insensitively) or a list with no users; warns on addresses that look like
/// shared mailboxes.
///
/// The file is streamed: per user, only the lower-cased address (as compact bytes) and where it
/// was first seen are kept, for finding duplicates.
public struct UserAccountsCheck: Check {
    public let id = PrerequisiteID.userAccounts

    public init() {}

    public func evaluate(_ context: VerificationContext) async -> CheckOutcome {
        let files = context.bundle.usableFiles(.userAccounts)
        guard !files.isEmpty else {
            return CheckOutcome(
                summary: "No usable list of LCR user accounts, so individual accounts are unproven.",
                findings: [UnusableEvidence.finding(.userAccounts, code: .userAccountsMissing, in: context.bundle)]
            )
        }
        let domains = EmailDomainPolicy(context.policy.userAccounts)
        let shared = SharedMailboxRule(words: context.policy.userAccounts.sharedMailboxLocalParts)
        var findings = CappedFindings()
        // Each address seen, and where it was first: the file's index in `files` and the line.
        var seen = CompactStringSet()
        var firstSeen: [(file: Int32, line: Int32)] = []
        var users = 0, refused = 0, shareLike = 0
        var readable = false
        for (fileIndex, file) in files.enumerated() {
            let reader = CSVEvidenceReader<UserAccountColumn>(file: file)
            readable = reader.read(into: &findings) { record, findings in
                let location = "line \(record.line)"
                let text = record[.email]
                users += 1
                guard !text.isEmpty else {
                    findings.append(.error(.emailInvalid, "Line \(record.line) of \(reader.path) has no email address.", evidence: reader.path, location: location))
                    refused += 1
                    return
                }
                var allowed = true
                let key = text.lowercased()
                let (inserted, index) = seen.insert(key)
                if inserted {
                    firstSeen.append((Int32(clamping: fileIndex), Int32(clamping: record.line)))
                } else {
                    let earlier = firstSeen[index]
                    let place = "\(files[Int(earlier.file)].entry.path) line \(earlier.line)"
                    findings.append(.error(.emailDuplicate, "\"\(text)\" is listed more than once (first at \(place)): each LCR user needs their own account.", evidence: reader.path, location: location))
                    allowed = false
                }
                switch EmailAddress.parse(text) {
                case .failure(let problem):
                    findings.append(.error(.emailInvalid, "\"\(text)\" is not a usable email address: it \(problem).", evidence: reader.path, location: location))
                    allowed = false
                case .success(let address):
                    if let refusal = domains.refusal(of: address.domain) {
                        findings.append(.error(.emailDomainNotAllowed, "\"\(text)\" \(refusal).", evidence: reader.path, location: location))
                        allowed = false
                    } else if let word = shared.sharedWord(in: address.localPart) {
                        findings.append(.warning(.emailSharedMailbox, "\"\(text)\" looks like a shared mailbox (\"\(word)\"): LCR access needs an individual account.", evidence: reader.path, location: location))
                        shareLike += 1
                    }
                }
                if !allowed { refused += 1 }
            } || readable
        }
        var all = findings.findings
        if readable && users == 0 {
            all.append(.error(.userAccountsMissing, "The user-accounts evidence lists no LCR users.", evidence: files.first?.entry.path))
        }
        return CheckOutcome(
            summary: Self.summary(readable: readable, users: users, refused: refused, shareLike: shareLike, domains: domains),
            findings: all
        )
    }

    private static func summary(readable: Bool, users: Int, refused: Int, shareLike: Int, domains: EmailDomainPolicy) -> String {
        guard readable else { return "The list of LCR user accounts cannot be read, so individual accounts are unproven." }
        guard users > 0 else { return "The list of LCR user accounts is empty." }
        let accounts = users == 1 ? "1 LCR user account" : "\(users) LCR user accounts"
        if refused > 0 {
            return "\(refused) of \(accounts) \(refused == 1 ? "is" : "are") not an individual address on an allowed domain (\(domains.allowedDescription))."
        }
        let shared = shareLike == 0 ? "" : "; \(shareLike) look\(shareLike == 1 ? "s" : "") like a shared mailbox"
        return "\(accounts), each a distinct address on an allowed domain (\(domains.allowedDescription))\(shared)."
    }
}

extension FindingCode {
    /// No usable user-accounts evidence, or it lists nobody.
    public static let userAccountsMissing = FindingCode("user-accounts.missing")
    /// An address is malformed or blank.
    public static let emailInvalid = FindingCode("email.invalid")
    /// An address's domain is not allowed (look-alike, non-ASCII, punycode, retired, other).
    public static let emailDomainNotAllowed = FindingCode("email.domain-not-allowed")
    /// The same address appears twice.
    public static let emailDuplicate = FindingCode("email.duplicate")
    /// An address looks like a shared mailbox.
    public static let emailSharedMailbox = FindingCode("email.shared-mailbox")
}
