import Foundation

/// The steering group's acceptance of a finding until an instant (DESIGN §5): a finding that carries
/// one was an error, and is reported as a warning while the waiver applies.
public struct FindingWaiver: Codable, Sendable, Equatable {
    /// The first instant at which the waiver no longer applies.
    public var until: Date
    public var reason: String
    public var approvedBy: String
    public var approvedAt: Date

    public init(until: Date, reason: String, approvedBy: String, approvedAt: Date) {
        self.until = until
        self.reason = reason
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
    }
}
