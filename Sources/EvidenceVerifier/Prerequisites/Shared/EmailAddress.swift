/// An email address split into local part and domain, checked for shape only (which domains are
/// allowed is `EmailDomainPolicy`'s job).
///
/// Refused as malformed: longer than 254 bytes, no `@` or more than one, an empty local part, a local part with spaces,
/// control or non-ASCII characters or misplaced dots, an empty domain, empty labels (`a..b`,
/// `.nhs.net`), a trailing dot, and ASCII labels that are not letters, digits and inner hyphens.
/// Non-ASCII domain labels pass here so that the policy can refuse them by name.
public struct EmailAddress: Sendable, Equatable {
    public let localPart: String
    /// The domain, lower-cased.
    public let domain: String

    /// The longest address there can be, in bytes (RFC 5321: a 256-byte path less its angle brackets).
    public static let maximumLength = 254

    /// The address, or why it is malformed. A text longer than `maximumLength` is refused before it is
    /// looked at, so a 64 KiB cell costs no more than a short one.
    public static func parse(_ text: String) -> Result<EmailAddress, EmailAddressProblem> {
        guard text.utf8.count <= maximumLength else {
            return .failure(EmailAddressProblem("is longer than the \(maximumLength) characters an address can have"))
        }
        var bytes = text
        if let address = bytes.withUTF8({ wellFormedASCII($0) }) { return .success(address) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return .failure(EmailAddressProblem(parts.count < 2 ? "has no @" : "has more than one @"))
        }
        let local = parts[0], domain = parts[1]
        if let problem = localPartProblem(local) { return .failure(EmailAddressProblem(problem)) }
        if let problem = domainProblem(domain) { return .failure(EmailAddressProblem(problem)) }
        return .success(EmailAddress(localPart: String(local), domain: domain.lowercased()))
    }

    /// Whether the UTF-8 `bytes` are an all-ASCII address that `parse` accepts, decided on the bytes
    /// without making a string: the test a row's key needs. False for anything else, including every
    /// non-ASCII text, which only `parse` judges (for ASCII, its character rules are these byte rules).
    /// One pass over the bytes: the local part up to the first `@`, then the domain label by label, each
    /// byte's class found in `byteClasses`.
    static func isWellFormedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count <= maximumLength, let base = bytes.baseAddress else { return false }
        let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        return byteClasses.withUnsafeBufferPointer { classes in
            var index = 0
            var previous: UInt8 = dot  // a dot may neither start the local part nor follow another dot
            while index < count {
                let byte = base[index]
                if byte == UInt8(ascii: "@") { break }
                guard classes[Int(byte)] & localByte != 0, byte != dot || previous != dot else { return false }
                previous = byte
                index += 1
            }
            guard index < count, (1...64).contains(index), previous != dot, (1...253).contains(count - index - 1) else { return false }
            var labelStart = index + 1
            index += 1
            while true {
                let atEnd = index == count
                if atEnd || base[index] == dot {
                    guard (1...63).contains(index - labelStart), base[labelStart] != hyphen, base[index - 1] != hyphen else { return false }
                    if atEnd { return true }
                    labelStart = index + 1
                } else {
                    guard classes[Int(base[index])] & labelByte != 0 else { return false }
                }
                index += 1
            }
        }
    }

    /// Per byte value: `localByte` when it may appear in a local part (a letter, digit or `localPunctuation`),
    /// `labelByte` when in a domain label (a letter, digit or `-`).
    private static let byteClasses: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        return (isLetterOrDigit(byte) || isLocalPunctuation(byte) ? localByte : 0)
            | (isLetterOrDigit(byte) || byte == UInt8(ascii: "-") ? labelByte : 0)
    }
    private static let localByte: UInt8 = 1, labelByte: UInt8 = 2

    /// The address spelt by `bytes` when they are an ASCII address `isWellFormedASCII` accepts: split
    /// at the `@` and lower-cased byte by byte, as the character rules would for ASCII text.
    private static func wellFormedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> EmailAddress? {
        guard isWellFormedASCII(bytes), let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return nil }
        return EmailAddress(
            localPart: String(decoding: UnsafeBufferPointer(rebasing: bytes[..<at]), as: UTF8.self),
            domain: String(decoding: bytes[(at + 1)...].lazy.map(ASCIICase.lowered), as: UTF8.self))
    }

    private static let localPunctuation = Set("!#$%&'*+/=?^_`{|}~-.".utf8)

    /// `localPunctuation`, decided without hashing.
    private static func isLocalPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"),
             UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"),
             UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }

    private static func localPartProblem(_ local: Substring) -> String? {
        if local.isEmpty { return "has nothing before the @" }
        if local.utf8.count > 64 { return "has a part before the @ longer than 64 characters" }
        let allowed = local.utf8.allSatisfy { byte in
            isLetterOrDigit(byte) || localPunctuation.contains(byte)
        }
        if !allowed { return "has a space, control, non-ASCII or other character not allowed before the @" }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "has a misplaced dot before the @"
        }
        return nil
    }

    private static func domainProblem(_ domain: Substring) -> String? {
        if domain.isEmpty { return "has no domain after the @" }
        if domain.hasSuffix(".") { return "has a domain ending in a dot" }
        if domain.utf8.count > 253 { return "has a domain longer than 253 characters" }
        for label in domain.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty { return "has an empty label in its domain" }
            if let problem = labelProblem(label) { return problem }
        }
        return nil
    }

    /// Whether `domain` is a well-formed ASCII domain name (for checking policy lists).
    public static func isWellFormedASCIIDomain(_ domain: String) -> Bool {
        !domain.isEmpty && !domain.hasSuffix(".") && domain.utf8.count <= 253 && domain.utf8.allSatisfy { $0 < 0x80 }
            && domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && labelProblem($0) == nil }
    }

    private static func labelProblem(_ label: Substring) -> String? {
        if label.utf8.count > 63 { return "has a domain label longer than 63 characters" }
        let bytes = label.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            // Non-ASCII (internationalised) labels are refused by the domain policy, not as malformed.
            return bytes.allSatisfy({ $0 >= 0x80 || isLetterOrDigit($0) || $0 == UInt8(ascii: "-") })
                ? nil : "has a character not allowed in its domain"
        }
        guard bytes.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }) else {
            return "has a character not allowed in its domain"
        }
        if label.hasPrefix("-") || label.hasSuffix("-") { return "has a domain label starting or ending with a hyphen" }
        return nil
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }
}

/// Why a text is not a usable email address: reads as "<address> <problem>".
public struct EmailAddressProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let problem: String
    public init(_ problem: String) { self.problem = problem }
    public var description: String { problem }
}
