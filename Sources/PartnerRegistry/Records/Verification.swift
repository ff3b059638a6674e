import Foundation
import GRDB

/// One verification of a stored submission as of an instant, with the signed report it produced.
/// Prerequisite statuses and findings are stored as JSON text columns.
public struct Verification: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "verification"

    public var id: Int64?
    public var submissionId: Int64
    public var odsCode: String
    public var asOf: Date
    public var level: VerificationLevel
    public var decision: VerificationDecision
    public var prerequisites: [PrerequisiteOutcome]
    public var findings: [RecordedFinding]
    public var reportSha256: String
    /// The signed report's JSON file, relative to the data folder (its signature is beside it as `.p7s`).
    public var reportPath: String
    public var reverifyBy: Date?
    public var recordedAt: Date

    public init(
        id: Int64? = nil, submissionId: Int64, odsCode: String, asOf: Date, level: VerificationLevel,
        decision: VerificationDecision, prerequisites: [PrerequisiteOutcome], findings: [RecordedFinding],
        reportSha256: String, reportPath: String, reverifyBy: Date?, recordedAt: Date
    ) {
        self.id = id
        self.submissionId = submissionId
        self.odsCode = odsCode
        self.asOf = asOf
        self.level = level
        self.decision = decision
        self.prerequisites = prerequisites
        self.findings = findings
        self.reportSha256 = reportSha256
        self.reportPath = reportPath
        self.reverifyBy = reverifyBy
        self.recordedAt = recordedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
