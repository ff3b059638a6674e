/// The access an Information Sharing Agreement grants a partner.
public enum AccessLevel: String, Codable, Sendable, CaseIterable {
    case readOnly = "read-only"
    case write
}
