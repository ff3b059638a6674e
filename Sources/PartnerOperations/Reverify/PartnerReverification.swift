import Foundation

/// One partner's line of a `reverify` run: previous → new decision, findings added and removed, and
/// whether a fact lapses within the notice period; or why it could not be re-verified.
public struct PartnerReverification: Sendable, Equatable, Codable {
    public var odsCode: String
    public var name: String
    public var previousDecision: String?
    /// Nil when the partner could not be re-verified (see `error`).
    public var decision: String?
    public var changes: FindingChanges
    public var reverifyBy: Date?
    /// `reverifyBy` falls within the notice period.
    public var lapsesSoon: Bool
    /// The signed report, relative to the data folder.
    public var report: String?
    public var error: String?

    public var isEligible: Bool { decision == "eligible" }
    public var isTransition: Bool { decision != nil && previousDecision != nil && decision != previousDecision }
}
