import EvidenceVerifier
import Foundation
import PartnerRegistry

/// What `partners show ODS` prints: the partner, its submissions count, latest verification and waivers.
struct PartnerDetail: Encodable {
    var partner: Partner
    var submissions: Int
    var latest: Verification?
    var waivers: [Waiver]
    var asOf: Date

    static func load(_ odsCode: String, from registry: PartnerRegistry) throws -> PartnerDetail {
        guard let partner = try registry.partner(odsCode) else { throw RegistryError.unknownPartner(odsCode: odsCode) }
        return PartnerDetail(
            partner: partner, submissions: try registry.submissions(odsCode: odsCode).count,
            latest: try registry.latestVerification(odsCode: odsCode), waivers: try registry.waivers(odsCode: odsCode), asOf: Date())
    }

    private enum CodingKeys: String, CodingKey {
        case partner, submissions, latest, waivers
    }

    var text: String {
        var lines = [
            "\(partner.odsCode) \(TerminalText.escaped(partner.name))",
            "status:      \(partner.status.rawValue)",
            "access:      \(partner.access?.rawValue ?? "-")",
            "ISA:         \(partner.isaPath ?? "-")",
            "submissions: \(submissions)",
        ]
        if let latest {
            lines.append("latest:      \(latest.decision.rawValue) as of \(ISOInstant.string(latest.asOf)) (\(latest.level.rawValue))")
            lines.append("reverify by: \(latest.reverifyBy.map(ISOInstant.string) ?? "-")")
            lines.append("report:      \(latest.reportPath)")
            for prerequisite in latest.prerequisites {
                lines.append("  \(prerequisite.status.uppercased().padding(toLength: 4, withPad: " ", startingAt: 0))  \(prerequisite.id)")
            }
            for finding in latest.findings {
                lines.append("        \(finding.severity) \(finding.prerequisite)/\(finding.code)\(finding.waived ? " (waived)" : "")")
            }
        } else {
            lines.append("latest:      not verified yet")
        }
        for waiver in waivers {
            let state = waiver.revokedAt != nil ? "revoked" : waiver.applies(at: asOf) ? "in force" : "lapsed"
            lines.append("waiver:      \(waiver.findingCode) until \(ISOInstant.string(waiver.until)) (\(state)), approved by \(TerminalText.escaped(waiver.approvedBy)): \(TerminalText.escaped(waiver.reason))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
