import Foundation
import PartnerRegistry

/// Which partners a `reverify` run takes: the named ones (or every partner not withdrawn that has a
/// submission), and with `dueOnly` only those never verified or whose `reverifyBy` has passed or falls
/// within `noticeDays` of the as-of instant.
public struct ReverifySelection: Sendable {
    public var odsCodes: [String]
    public var dueOnly: Bool
    public var noticeDays: Int

    public init(odsCodes: [String], dueOnly: Bool, noticeDays: Int) {
        self.odsCodes = odsCodes.map { $0.uppercased() }
        self.dueOnly = dueOnly
        self.noticeDays = noticeDays
    }

    /// The partners to re-verify, by ODS code; a named code the registry does not know is refused.
    public func partners(in registry: PartnerRegistry, asOf: Date) throws -> [Partner] {
        let all = try registry.partners()
        let chosen: [Partner]
        if odsCodes.isEmpty {
            chosen = all.filter { $0.status != .withdrawn }
        } else {
            let known = Dictionary(uniqueKeysWithValues: all.map { ($0.odsCode, $0) })
            chosen = try odsCodes.map { code in
                guard let partner = known[code] else { throw RegistryError.unknownPartner(odsCode: code) }
                return partner
            }
        }
        guard dueOnly else { return chosen }
        let latest = try registry.latestVerifications()
        let horizon = asOf.addingTimeInterval(TimeInterval(noticeDays) * 86_400)
        return chosen.filter { partner in
            guard let verification = latest[partner.odsCode] else { return true }
            return verification.reverifyBy.map { $0 <= horizon } ?? false
        }
    }
}
