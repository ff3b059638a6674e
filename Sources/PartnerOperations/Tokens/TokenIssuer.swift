import EvidenceVerifier
import Foundation
import PartnerRegistry

/// `tokens issue`: makes a new random token, records only its salt and salted hash, and hands the text
/// back once (it cannot be shown again).
public struct TokenIssuer: Sendable {
    public let registry: PartnerRegistry

    public init(registry: PartnerRegistry) {
        self.registry = registry
    }

    /// What issuing gave: the registry row and the token's text, to show once.
    public struct Issued: Sendable {
        public let record: AccessToken
        public let token: BearerToken
    }

    /// A token for one organisation (`odsCode`) or, with `odsCode` nil, for the steering group.
    public func issue(odsCode: String?, at instant: Date) throws -> Issued {
        let role: TokenRole
        if let odsCode {
            guard ODSCode.isValid(odsCode) else { throw InputError(odsCode, "is not an ODS code (1 to 9 letters and digits)") }
            role = .organisation
        } else {
            role = .steeringGroup
        }
        let salt = BearerToken.random(count: 16)
        let secret = BearerToken.random(count: BearerToken.secretBytes)
        let hash = BearerToken(id: 0, secret: secret).hash(salt: salt)
        let record = try registry.recordToken(
            AccessToken(role: role, odsCode: odsCode?.uppercased(), salt: BearerToken.hex(salt), hash: hash, issuedAt: instant))
        guard let id = record.id else { throw InputError("token", "was recorded without an id") }
        return Issued(record: record, token: BearerToken(id: id, secret: secret))
    }
}
