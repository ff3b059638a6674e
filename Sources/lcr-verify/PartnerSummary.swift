import EvidenceVerifier
import Foundation
import PartnerRegistry

/// One row of `partners list`: the partner and its latest verification.
struct PartnerSummary: Encodable {
    var odsCode: String
    var name: String
    var status: String
    var access: String?
    var isaSha256: String?
    var decision: String?
    var asOf: Date?
    var reverifyBy: Date?
    var report: String?

    init(partner: Partner, latest: Verification?) {
        odsCode = partner.odsCode
        name = partner.name
        status = partner.status.rawValue
        access = partner.access?.rawValue
        isaSha256 = partner.isaSha256
        decision = latest?.decision.rawValue
        asOf = latest?.asOf
        reverifyBy = latest?.reverifyBy
        report = latest?.reportPath
    }

    /// A plain-text table with a header row, columns padded to their widest value.
    static func table(_ rows: [PartnerSummary]) -> String {
        guard !rows.isEmpty else { return "no partners or applicants yet\n" }
        let header = ["ODS", "STATUS", "ACCESS", "DECISION", "REVERIFY BY", "NAME"]
        let body = rows.map { row in
            [row.odsCode, row.status, row.access ?? "-", row.decision ?? "-", row.reverifyBy.map(ISOInstant.string) ?? "-", TerminalText.escaped(row.name)]
        }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        return ([header] + body).map { cells in
            zip(cells, widths).enumerated().map { index, pair in
                index == cells.count - 1 ? pair.0 : pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
