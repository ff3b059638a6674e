import Foundation
import GRDB

/// One bundle an organisation submitted, kept in the evidence store under its SHA-256;
/// the same bytes submitted again are the same submission.
public struct Submission: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "submission"

    public var id: Int64?
    public var odsCode: String
    public var bundleSha256: String
    public var receivedAt: Date
    /// The stored zip, relative to the data folder (`evidence/sha256/ab/<hex>.zip`).
    public var storedPath: String
    public var bytes: Int64

    public init(id: Int64? = nil, odsCode: String, bundleSha256: String, receivedAt: Date, storedPath: String, bytes: Int64) {
        self.id = id
        self.odsCode = odsCode
        self.bundleSha256 = bundleSha256
        self.receivedAt = receivedAt
        self.storedPath = storedPath
        self.bytes = bytes
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
