/// A finding of a recorded verification, kept by code so two verifications can be compared
/// (`waived` when a waiver turned it into a warning).
public struct RecordedFinding: Codable, Sendable, Equatable, Hashable {
    public var prerequisite: String
    public var code: String
    public var severity: String
    public var waived: Bool

    public init(prerequisite: String, code: String, severity: String, waived: Bool = false) {
        self.prerequisite = prerequisite
        self.code = code
        self.severity = severity
        self.waived = waived
    }
}
