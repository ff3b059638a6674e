import Foundation
import PartnerRegistry
import Testing

@testable import PartnerOperations

/// Bearer tokens of the intake service: issued once, kept only as salt and salted hash, checked against
/// the registry, revoked for good.
@Suite struct TokenTests {
    @Test("An issued token opens for its organisation only; the registry holds no secret; revoked, it opens nothing")
    func issueCheckRevoke() throws {
        let fixture = try OperationsFixture()
        let issued = try TokenIssuer(registry: fixture.registry).issue(odsCode: "b86001", at: OperationsFixture.asOf)
        let text = issued.token.text
        #expect(text.hasPrefix("lcr-\(issued.record.id ?? 0)-") && text.utf8.count == "lcr-1-".utf8.count + 64)
        let authenticator = TokenAuthenticator(registry: fixture.registry)
        let caller = try #require(try authenticator.caller(authorization: "Bearer \(text)"))
        #expect(caller.odsCode == "B86001" && !caller.isSteeringGroup)
        #expect(caller.mayActFor("b86001") && !caller.mayActFor("RR8"))

        let stored = try #require(try fixture.registry.tokens().first)
        let secretHex = String(text.split(separator: "-").last ?? "")
        #expect(stored.hash != secretHex && !stored.hash.contains(secretHex) && !stored.salt.contains(secretHex))
        let database = try Data(contentsOf: fixture.dataDirectory.registryFile)
        #expect(database.range(of: Data(secretHex.utf8)) == nil)

        _ = try fixture.registry.revokeToken(id: try #require(issued.record.id), at: OperationsFixture.asOf.addingTimeInterval(60))
        #expect(try authenticator.caller(authorization: "Bearer \(text)") == nil)
        #expect(throws: RegistryError.self) { try fixture.registry.revokeToken(id: try #require(issued.record.id), at: OperationsFixture.asOf) }
    }

    @Test("A changed secret, another token's id, a missing or malformed header opens nothing")
    func refusesWrongTokens() throws {
        let fixture = try OperationsFixture()
        let issuer = TokenIssuer(registry: fixture.registry)
        let first = try issuer.issue(odsCode: "B86001", at: OperationsFixture.asOf).token
        let steering = try issuer.issue(odsCode: nil, at: OperationsFixture.asOf)
        #expect(steering.record.role == .steeringGroup && steering.record.odsCode == nil)
        let authenticator = TokenAuthenticator(registry: fixture.registry)
        #expect(try authenticator.caller(authorization: "Bearer \(steering.token.text)")?.isSteeringGroup == true)
        var flipped = first.text
        let last = flipped.removeLast()
        flipped.append(last == "0" ? "1" : "0")
        let otherId = "lcr-\(steering.record.id ?? 0)-" + first.text.split(separator: "-").last!
        for header in [nil, "", "Bearer", "Bearer \(flipped)", "Bearer \(otherId)", "Basic \(first.text)", "Bearer \(first.text) ",
                       "Bearer lcr-99-" + String(repeating: "0", count: 64), "Bearer lcr--1-00"] {
            #expect(try authenticator.caller(authorization: header) == nil, "\(header ?? "nil")")
        }
    }

    @Test func constantTimeComparison() {
        #expect(TokenAuthenticator.constantTimeEqual("abc", "abc"))
        #expect(!TokenAuthenticator.constantTimeEqual("abc", "abd"))
        #expect(!TokenAuthenticator.constantTimeEqual("abc", "abcd"))
    }
}
