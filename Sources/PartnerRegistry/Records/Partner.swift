import Foundation
import GRDB

/// An organisation known to the registry: an applicant until the steering group approves it, with the
/// access level and signed ISA (by SHA-256 and the path where it is kept) of its approval.
public struct Partner: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "partner"

    public var odsCode: String
    public var name: String
    public var status: PartnerStatus
    public var access: AccessLevel?
    public var isaSha256: String?
    /// The ISA's location, relative to the data folder.
    public var isaPath: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        odsCode: String, name: String, status: PartnerStatus = .applicant, access: AccessLevel? = nil,
        isaSha256: String? = nil, isaPath: String? = nil, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.odsCode = odsCode
        self.name = name
        self.status = status
        self.access = access
        self.isaSha256 = isaSha256
        self.isaPath = isaPath
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
