import Foundation
import GRDB

/// A bearer token of the intake service as the registry keeps it: who it speaks for and a salted hash of
/// its secret (never the secret itself, which is shown once when issued). A revoked token stays on record.
public struct AccessToken: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "token"

    public var id: Int64?
    public var role: TokenRole
    /// The organisation an `organisation` token speaks for; nil for the steering group.
    public var odsCode: String?
    /// 16 random bytes as hex, hashed before the secret.
    public var salt: String
    /// Lower-case hex SHA-256 of the salt's bytes followed by the secret's.
    public var hash: String
    public var issuedAt: Date
    public var revokedAt: Date?

    public init(
        id: Int64? = nil, role: TokenRole, odsCode: String?, salt: String, hash: String, issuedAt: Date, revokedAt: Date? = nil
    ) {
        self.id = id
        self.role = role
        self.odsCode = odsCode
        self.salt = salt
        self.hash = hash
        self.issuedAt = issuedAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// Whom a token speaks for: one organisation (it may submit its own bundles and read its own
/// submissions) or the steering group (everything).
public enum TokenRole: String, Codable, Sendable, CaseIterable {
    case organisation
    case steeringGroup = "steering-group"
}
