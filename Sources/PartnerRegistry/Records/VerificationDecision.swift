/// A verification's decision, as the signed report states it.
public enum VerificationDecision: String, Codable, Sendable, CaseIterable {
    case eligible
    case notEligible = "not-eligible"
}
