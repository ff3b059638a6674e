import EvidenceVerifier
import PartnerOperations

extension PartnerSummary {
    /// A plain-text table with a header row, columns padded to their widest value.
    static func table(_ rows: [PartnerSummary]) -> String {
        guard !rows.isEmpty else { return "no partners or applicants yet\n" }
        let header = ["ODS", "STATUS", "ACCESS", "DECISION", "REVERIFY BY", "NAME"]
        let body = rows.map { row in
            [row.odsCode, row.status, row.access ?? "-", row.decision ?? "-", row.reverifyBy.map(ISOInstant.string) ?? "-", TerminalText.escaped(row.name)]
        }
        return TextTable.render(header: header, rows: body)
    }
}
