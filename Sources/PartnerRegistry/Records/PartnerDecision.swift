import Foundation
import GRDB

/// A decision of the steering group about one partner: what, who (`--by`), when and why.
public struct PartnerDecision: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "decision"

    public var id: Int64?
    public var odsCode: String
    public var action: DecisionAction
    public var by: String
    public var at: Date
    public var reason: String
    /// The status before and after, for a status change.
    public var fromStatus: PartnerStatus?
    public var toStatus: PartnerStatus?

    public init(
        id: Int64? = nil, odsCode: String, action: DecisionAction, by: String, at: Date, reason: String,
        fromStatus: PartnerStatus? = nil, toStatus: PartnerStatus? = nil
    ) {
        self.id = id
        self.odsCode = odsCode
        self.action = action
        self.by = by
        self.at = at
        self.reason = reason
        self.fromStatus = fromStatus
        self.toStatus = toStatus
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
