/// What the steering group did about a partner.
public enum DecisionAction: String, Codable, Sendable, CaseIterable {
    case approved, suspended, withdrawn, waived
    case waiverRevoked = "waiver-revoked"
}

extension DecisionAction {
    /// The action that brings a partner to `status`.
    init(_ status: PartnerStatus) {
        switch status {
        case .applicant, .approved: self = .approved
        case .suspended: self = .suspended
        case .withdrawn: self = .withdrawn
        }
    }
}
