import Foundation
import PartnerRegistry

/// Who a request speaks for once its bearer token checked out.
public struct Caller: Sendable, Equatable {
    public let tokenId: Int64
    public let role: TokenRole
    /// The organisation of an organisation's token; nil for the steering group.
    public let odsCode: String?

    public var isSteeringGroup: Bool { role == .steeringGroup }

    /// Whether this caller may act for (submit as, or read the submissions of) `odsCode`.
    public func mayActFor(_ odsCode: String) -> Bool {
        isSteeringGroup || self.odsCode == odsCode.uppercased()
    }
}

/// Checks a presented bearer token against the registry: the row its id names must exist, be unrevoked and
/// hold the salted hash of the presented secret (compared in constant time).
public struct TokenAuthenticator: Sendable {
    public let registry: PartnerRegistry

    public init(registry: PartnerRegistry) {
        self.registry = registry
    }

    /// The caller for an `Authorization` header value (`Bearer <token>`), or nil for anything else.
    public func caller(authorization: String?) throws -> Caller? {
        guard let authorization, authorization.hasPrefix("Bearer "),
              let token = BearerToken(authorization.dropFirst("Bearer ".count)),
              let record = try registry.token(id: token.id), !record.isRevoked,
              let salt = BearerToken.bytes(ofHex: record.salt)
        else { return nil }
        guard Self.constantTimeEqual(token.hash(salt: salt), record.hash) else { return nil }
        return Caller(tokenId: token.id, role: record.role, odsCode: record.odsCode)
    }

    /// Equality whose time depends only on the lengths, not on where the first difference is.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let (a, b) = (Array(left.utf8), Array(right.utf8))
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
