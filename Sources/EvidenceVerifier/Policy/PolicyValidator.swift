/// The ranges a policy's values must lie in, so a typo cannot silently switch a rule off.
enum PolicyValidator {
    /// The first value out of range, as `<key path> must …`, or nil when all are fine.
    static func problem(in policy: Policy) -> String? {
        checks(policy).first { !$0.holds }.map { "\($0.key) must \($0.rule)" }
    }

    private struct Rule {
        let key: String
        let holds: Bool
        let rule: String
    }

    private static let tlsVersions = ["1.0", "1.1", "1.2", "1.3"]
    /// The largest byte limit a policy may set (64 GiB): far above any real bundle, and far below overflow.
    private static let maximumBytes: Int64 = 1 << 36
    /// The longest a completion may count as current: ten years.
    static let maximumValidityDays = 3_660
    /// The longest warning window: a year.
    private static let maximumWarningDays = 366

    private static func checks(_ policy: Policy) -> [Rule] {
        let evidence = policy.evidence, dspt = policy.dspt, training = policy.training
        let accounts = policy.userAccounts, hscn = policy.hscn, probe = policy.probe
        var rules = [
            bounded("evidence.maximumFileBytes", evidence.maximumFileBytes, 1...maximumBytes),
            bounded("evidence.maximumZipEntries", evidence.maximumZipEntries, 1...1_000_000),
            bounded("evidence.maximumZipEntryBytes", evidence.maximumZipEntryBytes, 1...maximumBytes),
            bounded("evidence.maximumZipTotalBytes", evidence.maximumZipTotalBytes, 1...maximumBytes),
            bounded("evidence.maximumCompressionRatio", evidence.maximumCompressionRatio, 1...100_000),
            nonEmpty("dspt.acceptedStatuses", dspt.acceptedStatuses),
            Rule(key: "dspt.deadlineMonth", holds: (1...12).contains(dspt.deadlineMonth), rule: "be a month from 1 to 12"),
            Rule(
                key: "dspt.deadlineDay",
                holds: (1...12).contains(dspt.deadlineMonth) && (1...CivilDate.days(inMonth: dspt.deadlineMonth, year: 2001)).contains(dspt.deadlineDay),
                rule: "be a day that month has every year"
            ),
            bounded("dspt.lapseWarningDays", dspt.lapseWarningDays, 0...maximumWarningDays),
            nonEmpty("training.acceptedCourses", training.acceptedCourses),
            Rule(
                key: "training.minimumCompletionPercent",
                holds: (0...100).contains(training.minimumCompletionPercent), rule: "be from 0 to 100"
            ),
            bounded("training.validityDays", training.validityDays, 1...maximumValidityDays),
            bounded("training.expiryWarningDays", training.expiryWarningDays, 0...maximumWarningDays),
            Rule(key: "userAccounts.exactDomains", holds: !(accounts.exactDomains + accounts.domainsWithSubdomains).isEmpty, rule: "name a domain (or domainsWithSubdomains must)"),
            bounded("hscn.minimumRSABits", hscn.minimumRSABits, 1...16_384),
            bounded("hscn.minimumECBits", hscn.minimumECBits, 1...571),
            bounded("hscn.expiryWarningDays", hscn.expiryWarningDays, 0...maximumWarningDays),
            Rule(key: "hscn.minimumTLSVersion", holds: tlsVersions.contains(hscn.minimumTLSVersion), rule: "be one of \(tlsVersions.joined(separator: ", "))"),
            seconds("probe.connectTimeoutSeconds", probe.connectTimeoutSeconds, upTo: 600),
            seconds("probe.totalTimeoutSeconds", probe.totalTimeoutSeconds, upTo: 3_600),
            bounded("probe.concurrency", probe.concurrency, 1...1_024),
            Rule(key: "probe.maximumEndpoints", holds: (1...1000).contains(probe.maximumEndpoints), rule: "be from 1 to 1000"),
            Rule(key: "intake.pausedMessage", holds: !isBlank(policy.intake.pausedMessage), rule: "not be blank"),
            bounded("intake.maximumUploadBytes", policy.intake.maximumUploadBytes, 1_024...maximumBytes),
            Rule(key: "reverify.noticeDays", holds: (0...3650).contains(policy.reverify.noticeDays), rule: "be from 0 to 3650"),
            bounded("references.maximumAgeDays", policy.references.maximumAgeDays, 1...maximumWarningDays),
        ]
        rules += listed("userAccounts.exactDomains", accounts.exactDomains, rule: "be a domain name such as nhs.net", EmailAddress.isWellFormedASCIIDomain)
        rules += listed("userAccounts.domainsWithSubdomains", accounts.domainsWithSubdomains, rule: "be a domain name such as gov.uk", EmailAddress.isWellFormedASCIIDomain)
        rules += listed("userAccounts.refusedDomains", accounts.refusedDomains, rule: "be a domain name such as gsi.gov.uk", EmailAddress.isWellFormedASCIIDomain)
        rules += listed("userAccounts.notNHSmailDomains", accounts.notNHSmailDomains, rule: "be a domain name such as nhs.uk", EmailAddress.isWellFormedASCIIDomain)
        rules += listed("userAccounts.sharedMailboxLocalParts", accounts.sharedMailboxLocalParts, rule: "not be blank") { !isBlank($0) }
        rules += listed("dspt.acceptedStatuses", dspt.acceptedStatuses, rule: "not be blank") { !isBlank($0) }
        rules += listed("training.acceptedCourses", training.acceptedCourses, rule: "not be blank") { !isBlank($0) }
        rules += listed("hscn.refusedSignatureDigests", hscn.refusedSignatureDigests, rule: "not be blank") { !isBlank($0) }
        rules += listed("probe.allowedNetworks", probe.allowedNetworks, rule: "be a network in CIDR notation such as 127.0.0.0/8") { IPNetwork(cidr: $0) != nil }
        return rules
    }

    /// `value` must lie in `range`: below it reads `be 0 or more` / `be at least N`, above it `be at most N`.
    private static func bounded<Value: BinaryInteger>(_ key: String, _ value: Value, _ range: ClosedRange<Value>) -> Rule {
        guard value >= range.lowerBound else {
            return Rule(key: key, holds: false, rule: range.lowerBound == 0 ? "be 0 or more" : "be at least \(range.lowerBound)")
        }
        return Rule(key: key, holds: value <= range.upperBound, rule: "be at most \(range.upperBound)")
    }

    /// A duration in seconds: more than 0, finite, at most `limit`.
    private static func seconds(_ key: String, _ value: Double, upTo limit: Double) -> Rule {
        guard value > 0 else { return Rule(key: key, holds: false, rule: "be more than 0") }
        return Rule(key: key, holds: value <= limit, rule: "be at most \(Int(limit))")
    }

    private static func nonEmpty(_ key: String, _ list: [String]) -> Rule {
        Rule(key: key, holds: !list.isEmpty, rule: "not be empty")
    }

    private static func listed(_ key: String, _ list: [String], rule: String, _ isValid: (String) -> Bool) -> [Rule] {
        list.enumerated().map { index, value in
            Rule(key: "\(key)[\(index)]", holds: isValid(value), rule: "\(rule) (found \"\(value.prefix(80))\")")
        }
    }

    private static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
