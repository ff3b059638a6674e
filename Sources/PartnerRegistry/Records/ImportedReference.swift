import Foundation
import GRDB

/// One import of an independent reference list (`reference import dspt|ods FILE`): what it is, the
/// SHA-256 and data-row count of the exact bytes kept in `references/`, and when it was imported.
/// The registry keeps only this description; the list itself is the stored file.
public struct ImportedReference: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "reference"

    public var id: Int64?
    /// `dspt-register` or `ods-register` (the report's `references[].kind`).
    public var kind: String
    /// Which list of its kind it is (`epraccur`, `etr`, `ecarehomesite` for ODS files; `national` for DSPT):
    /// the latest import of each name is used.
    public var name: String
    public var sha256: String
    public var rows: Int
    public var bytes: Int64
    public var importedAt: Date
    /// The stored copy, relative to the data folder (`references/<kind>-<sha256>.csv`).
    public var storedPath: String

    public init(
        id: Int64? = nil, kind: String, name: String, sha256: String, rows: Int, bytes: Int64, importedAt: Date, storedPath: String
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.sha256 = sha256
        self.rows = rows
        self.bytes = bytes
        self.importedAt = importedAt
        self.storedPath = storedPath
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
