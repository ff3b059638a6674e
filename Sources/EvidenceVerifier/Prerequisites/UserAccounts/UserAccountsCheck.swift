/// Prerequisite 4: every LCR user has an individual account on an allowed domain
/// (`nhs.net`, `gov.uk`, `*.gov.uk` by default), read from the `user-accounts` evidence.
///
/// Fails on a malformed address, a domain the policy does not allow (a trust's `*.nhs.uk` address is
/// `email.not-nhsmail`: not an NHSmail account), the same address twice
/// (compared case-insensitively) or a list with no users; warns on addresses that look like
/// shared mailboxes.
///
/// The rows are judged as the list is read, once, by `LCRUserList.read` (the training check shares that
/// reading); this check reports what it found.
public struct UserAccountsCheck: Check {
    public let id = PrerequisiteID.userAccounts

    public init() {}

    public func evaluate(_ context: VerificationContext) async -> CheckOutcome {
        let users = context.users
        guard users.hasEvidence else {
            return CheckOutcome(
                summary: "No usable list of LCR user accounts, so individual accounts are unproven.",
                findings: [UnusableEvidence.finding(.userAccounts, code: .userAccountsMissing, in: context.bundle)]
            )
        }
        var all = users.findings
        if users.readable && users.rows == 0 {
            all.append(.error(.userAccountsMissing, "The user-accounts evidence lists no LCR users.", evidence: users.evidencePath))
        }
        return CheckOutcome(
            summary: Self.summary(
                readable: users.readable, users: users.rows, refused: users.refused, shareLike: users.shareLike,
                domains: EmailDomainPolicy(context.policy.userAccounts)),
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
    /// A trust or practice address (`name@leedsth.nhs.uk`): not an NHSmail account.
    public static let emailNotNHSmail = FindingCode("email.not-nhsmail")
    /// The same address appears twice.
    public static let emailDuplicate = FindingCode("email.duplicate")
    /// An address looks like a shared mailbox.
    public static let emailSharedMailbox = FindingCode("email.shared-mailbox")
}
