import Foundation
import GRDB

/// The steering group's acceptance of one finding code for one partner until an instant: while it applies,
/// that finding is a warning carrying the waiver instead of a failure. It stops applying by itself at
/// `until`, or when revoked.
public struct Waiver: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "waiver"

    public var id: Int64?
    public var odsCode: String
    public var findingCode: String
    /// The first instant at which the waiver no longer applies (for `--until DATE`: the end of that day in Europe/London).
    public var until: Date
    public var reason: String
    public var approvedBy: String
    public var approvedAt: Date
    public var revokedAt: Date?
    public var revokedBy: String?

    public init(
        id: Int64? = nil, odsCode: String, findingCode: String, until: Date, reason: String,
        approvedBy: String, approvedAt: Date, revokedAt: Date? = nil, revokedBy: String? = nil
    ) {
        self.id = id
        self.odsCode = odsCode
        self.findingCode = findingCode
        self.until = until
        self.reason = reason
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
    }

    /// Whether the waiver accepts its finding in a verification as of `instant`: not revoked and not yet lapsed.
    /// (A verification as of an earlier instant than the approval still sees it: the steering group's
    /// acceptance is about the finding, and `--as-of` is often set to a past or future instant.)
    public func applies(at instant: Date) -> Bool {
        revokedAt == nil && instant < until
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
