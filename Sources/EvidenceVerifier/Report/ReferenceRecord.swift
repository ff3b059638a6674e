import Foundation

/// One independent reference list a verification used (DESIGN §5 `references`, additive): its kind,
/// the SHA-256 and data-row count of the exact file read, and when it was imported (for a list given
/// straight to `check`, the file's modification time).
public struct ReferenceRecord: Codable, Sendable, Equatable {
    public var kind: ReferenceKind
    public var sha256: String
    public var rows: Int
    public var importedAt: Date

    public init(kind: ReferenceKind, sha256: String, rows: Int, importedAt: Date) {
        self.kind = kind
        self.sha256 = sha256
        self.rows = rows
        self.importedAt = importedAt
    }
}
