/// How much a finding matters: an `error` fails its prerequisite, a `warning` makes it `warn`.
public enum Severity: String, Codable, Sendable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable, machine-readable name for one kind of finding (e.g. `signature.invalid`).
///
/// Codes are a contract with reviewers and other tools: never rename one. Each check declares
/// its own codes in an extension beside it.
public struct FindingCode: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One observation a check made: what, how serious, and where in the evidence.
public struct Finding: Codable, Sendable, Equatable {
    public var code: FindingCode
    public var severity: Severity
    /// A sentence a person understands, naming the value that caused it.
    public var message: String
    /// The evidence path (relative to the bundle) the finding concerns, if any.
    public var evidence: String?
    /// Where inside that evidence: `line 12`, `field organisation.staffCount`, an endpoint URL.
    public var location: String?
    /// Set when a waiver turned this error into a warning.
    public var waiver: FindingWaiver?

    public init(
        _ code: FindingCode, _ severity: Severity, _ message: String,
        evidence: String? = nil, location: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.evidence = evidence
        self.location = location
    }

    public static func error(_ code: FindingCode, _ message: String, evidence: String? = nil, location: String? = nil) -> Finding {
        Finding(code, .error, message, evidence: evidence, location: location)
    }

    public static func warning(_ code: FindingCode, _ message: String, evidence: String? = nil, location: String? = nil) -> Finding {
        Finding(code, .warning, message, evidence: evidence, location: location)
    }

    public static func info(_ code: FindingCode, _ message: String, evidence: String? = nil, location: String? = nil) -> Finding {
        Finding(code, .info, message, evidence: evidence, location: location)
    }
}
