/// Which email domains count as individual NHS or government accounts (DESIGN §4 `user-accounts`).
///
/// Domains are compared case-insensitively by whole labels: `nhs.net` exactly, `gov.uk` and any
/// subdomain (`leeds.gov.uk`). Look-alikes (`nhs.net.example.com`, `evilnhs.net`, `xgov.uk`),
/// non-ASCII and punycode (`xn--`) domains, and the refused domains with their subdomains
/// (the retired `gsi.gov.uk`, `gsx.gov.uk`, `gcsx.gov.uk`) are not allowed. Trust and practice
/// addresses (`name@leedsth.nhs.uk`, any `*.nhs.uk`) are refused on their own terms: they are not
/// NHSmail accounts.
public struct EmailDomainPolicy: Sendable, Equatable {
    public let exactDomains: [String]
    public let domainsWithSubdomains: [String]
    public let refusedDomains: [String]
    public let notNHSmailDomains: [String]

    /// Why an address's domain is refused: the finding code and the rest of a sentence that starts with the address.
    public struct Refusal: Sendable, Equatable {
        public let code: FindingCode
        public let reason: String
    }

    public init(exactDomains: [String], domainsWithSubdomains: [String], refusedDomains: [String], notNHSmailDomains: [String] = []) {
        self.exactDomains = exactDomains.map { $0.lowercased() }
        self.domainsWithSubdomains = domainsWithSubdomains.map { $0.lowercased() }
        self.refusedDomains = refusedDomains.map { $0.lowercased() }
        self.notNHSmailDomains = notNHSmailDomains.map { $0.lowercased() }
    }

    public init(_ rules: Policy.UserAccounts) {
        self.init(
            exactDomains: rules.exactDomains, domainsWithSubdomains: rules.domainsWithSubdomains,
            refusedDomains: rules.refusedDomains, notNHSmailDomains: rules.notNHSmailDomains)
    }

    /// The allowed domains for a message: `nhs.net, gov.uk, *.gov.uk`.
    public var allowedDescription: String {
        (exactDomains + domainsWithSubdomains.flatMap { [$0, "*.\($0)"] }).joined(separator: ", ")
    }

    /// Nil when `domain` (as `EmailAddress` gives it, lower-cased) is allowed, else why not.
    public func refusal(of domain: String) -> Refusal? {
        let domain = domain.lowercased()
        if !domain.utf8.allSatisfy({ $0 < 0x80 }) {
            return Refusal(code: .emailDomainNotAllowed, reason: "has a non-ASCII domain (\(domain)); only \(allowedDescription) are allowed")
        }
        if domain.split(separator: ".").contains(where: { $0.hasPrefix("xn--") }) {
            return Refusal(code: .emailDomainNotAllowed, reason: "has a punycode domain (\(domain)); only \(allowedDescription) are allowed")
        }
        if let refused = refusedDomains.first(where: { Self.domain(domain, isOrIsUnder: $0) }) {
            return Refusal(code: .emailDomainNotAllowed, reason: "uses \(domain), under the retired or refused domain \(refused)")
        }
        if exactDomains.contains(domain) || domainsWithSubdomains.contains(where: { Self.domain(domain, isOrIsUnder: $0) }) {
            return nil
        }
        if let trust = notNHSmailDomains.first(where: { Self.domain(domain, isOrIsUnder: $0) }) {
            return Refusal(
                code: .emailNotNHSmail,
                reason: "is an organisation's own \(trust) address, not an NHSmail account: LCR users need an individual address on \(allowedDescription)")
        }
        return Refusal(code: .emailDomainNotAllowed, reason: "uses \(domain), which is not one of \(allowedDescription)")
    }

    private static func domain(_ domain: String, isOrIsUnder parent: String) -> Bool {
        domain == parent || domain.hasSuffix("." + parent)
    }
}
