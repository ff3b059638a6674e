/// How far a verification went: `offline` when endpoint probes were skipped, `live` when they ran.
public enum VerificationLevel: String, Codable, Sendable, CaseIterable {
    case offline, live
}
