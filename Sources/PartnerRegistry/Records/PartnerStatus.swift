/// Where an organisation stands with the steering group (DESIGN §7):
/// `applicant` → `approved` → `suspended` | `withdrawn`.
public enum PartnerStatus: String, Codable, Sendable, CaseIterable {
    case applicant, approved, suspended, withdrawn

    /// Whether the lifecycle allows a change from this status to `next`.
    public func allowsChange(to next: PartnerStatus) -> Bool {
        switch (self, next) {
        case (.applicant, .approved), (.suspended, .approved): true
        case (.approved, .suspended): true
        case (.applicant, .withdrawn), (.approved, .withdrawn), (.suspended, .withdrawn): true
        default: false
        }
    }
}
