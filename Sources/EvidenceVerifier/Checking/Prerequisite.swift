/// The prerequisites an applicant must prove, plus the integrity of the bundle that proves them.
/// The raw values are the report's `prerequisites[].id` contract.
public enum PrerequisiteID: String, Codable, Sendable, CaseIterable {
    case evidenceIntegrity = "evidence-integrity"
    case directCare = "direct-care"
    case dspt = "dspt"
    case igTraining = "ig-training"
    case hscn = "hscn"
    case userAccounts = "user-accounts"
}

/// The verdict on one prerequisite.
public enum PrerequisiteStatus: String, Codable, Sendable {
    case pass, warn, fail

    /// `fail` when any finding is an error, `warn` when any is a warning, else `pass`.
    public init(findings: [Finding]) {
        let worst = findings.map(\.severity).max() ?? .info
        switch worst {
        case .error: self = .fail
        case .warning: self = .warn
        case .info: self = .pass
        }
    }
}
