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

    private static func checks(_ policy: Policy) -> [Rule] {
        let evidence = policy.evidence, dspt = policy.dspt, training = policy.training
        let accounts = policy.userAccounts, hscn = policy.hscn, probe = policy.probe
        var rules = [
            Rule(key: "evidence.maximumFileBytes", holds: evidence.maximumFileBytes > 0, rule: "be more than 0"),
            Rule(key: "evidence.maximumZipEntries", holds: evidence.maximumZipEntries >= 1, rule: "be at least 1"),
            Rule(key: "evidence.maximumZipEntryBytes", holds: evidence.maximumZipEntryBytes > 0, rule: "be more than 0"),
            Rule(key: "evidence.maximumZipTotalBytes", holds: evidence.maximumZipTotalBytes > 0, rule: "be more than 0"),
            Rule(key: "evidence.maximumCompressionRatio", holds: evidence.maximumCompressionRatio >= 1, rule: "be at least 1"),
            nonEmpty("dspt.acceptedStatuses", dspt.acceptedStatuses),
            Rule(key: "dspt.deadlineMonth", holds: (1...12).contains(dspt.deadlineMonth), rule: "be a month from 1 to 12"),
            Rule(
                key: "dspt.deadlineDay",
                holds: (1...12).contains(dspt.deadlineMonth) && (1...CivilDate.days(inMonth: dspt.deadlineMonth, year: 2001)).contains(dspt.deadlineDay),
                rule: "be a day that month has every year"
            ),
            Rule(key: "dspt.lapseWarningDays", holds: dspt.lapseWarningDays >= 0, rule: "be 0 or more"),
            nonEmpty("training.acceptedCourses", training.acceptedCourses),
            Rule(
                key: "training.minimumCompletionPercent",
                holds: (0...100).contains(training.minimumCompletionPercent), rule: "be from 0 to 100"
            ),
            Rule(key: "training.validityDays", holds: training.validityDays >= 1, rule: "be at least 1"),
            Rule(key: "training.expiryWarningDays", holds: training.expiryWarningDays >= 0, rule: "be 0 or more"),
            Rule(key: "userAccounts.exactDomains", holds: !(accounts.exactDomains + accounts.domainsWithSubdomains).isEmpty, rule: "name a domain (or domainsWithSubdomains must)"),
            Rule(key: "hscn.minimumRSABits", holds: hscn.minimumRSABits >= 1, rule: "be at least 1"),
            Rule(key: "hscn.minimumECBits", holds: hscn.minimumECBits >= 1, rule: "be at least 1"),
            Rule(key: "hscn.expiryWarningDays", holds: hscn.expiryWarningDays >= 0, rule: "be 0 or more"),
            Rule(key: "hscn.minimumTLSVersion", holds: tlsVersions.contains(hscn.minimumTLSVersion), rule: "be one of \(tlsVersions.joined(separator: ", "))"),
            Rule(key: "probe.connectTimeoutSeconds", holds: probe.connectTimeoutSeconds > 0 && probe.connectTimeoutSeconds.isFinite, rule: "be more than 0"),
            Rule(key: "probe.totalTimeoutSeconds", holds: probe.totalTimeoutSeconds > 0 && probe.totalTimeoutSeconds.isFinite, rule: "be more than 0"),
            Rule(key: "probe.concurrency", holds: probe.concurrency >= 1, rule: "be at least 1"),
            Rule(key: "probe.maximumEndpoints", holds: (1...1000).contains(probe.maximumEndpoints), rule: "be from 1 to 1000"),
            Rule(key: "intake.pausedMessage", holds: !isBlank(policy.intake.pausedMessage), rule: "not be blank"),
            Rule(key: "reverify.noticeDays", holds: (0...3650).contains(policy.reverify.noticeDays), rule: "be from 0 to 3650"),
        ]
        rules += listed("userAccounts.exactDomains", accounts.exactDomains, rule: "be a domain name such as nhs.net", EmailAddress.isWellFormedASCIIDomain)
        rules += listed("userAccounts.domainsWithSubdomains", accounts.domainsWithSubdomains, rule: "be a domain name such as gov.uk", EmailAddress.isWellFormedASCIIDomain)
        rules += listed("userAccounts.refusedDomains", accounts.refusedDomains, rule: "be a domain name such as gsi.gov.uk", EmailAddress.isWellFormedASCIIDomain)
        rules += listed("userAccounts.sharedMailboxLocalParts", accounts.sharedMailboxLocalParts, rule: "not be blank") { !isBlank($0) }
        rules += listed("dspt.acceptedStatuses", dspt.acceptedStatuses, rule: "not be blank") { !isBlank($0) }
        rules += listed("training.acceptedCourses", training.acceptedCourses, rule: "not be blank") { !isBlank($0) }
        rules += listed("hscn.refusedSignatureDigests", hscn.refusedSignatureDigests, rule: "not be blank") { !isBlank($0) }
        rules += listed("probe.allowedNetworks", probe.allowedNetworks, rule: "be a network in CIDR notation such as 127.0.0.0/8") { IPNetwork(cidr: $0) != nil }
        return rules
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
