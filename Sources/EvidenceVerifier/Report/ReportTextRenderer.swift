import Foundation

/// The report as plain text, from the same `ReportPage` as the HTML and Markdown pages and in the same
/// order: the signature line (for `report render`), the one line starting `Decision:`, the key facts,
/// the prerequisites at a glance, each prerequisite with its findings and what to do next, the
/// evidence inventory, the endpoints and the report's details. `check` prints it as its summary. Every line passes through `TerminalText`,
/// so nothing from the evidence can start a line of its own or drive the terminal: the one line
/// starting `Decision:` is ours.
public enum ReportTextRenderer {
    /// The page as text; with `signature`, the verdict on the report's signature comes first (`report render`).
    public static func render(_ report: VerificationReport, signature: ReportSignatureCheck? = nil) -> String {
        let page = ReportPage(report, signature: signature)
        var lines: [String] = []
        if let note = page.signature {
            lines += [note.line, "  \(note.symbol) \(note.advice)", ""]
        }
        lines.append("Decision: \(page.verdict.headline)")
        lines += page.verdict.details.map { "  \($0)" }
        lines.append("")
        lines += aligned(page.facts)
        let width = page.sections.map(\.mark.text.count).max() ?? 0
        func status(_ section: ReportPage.Section) -> String { section.mark.text.padding(toLength: width, withPad: " ", startingAt: 0) }
        lines += ["", "Prerequisites at a glance:"]
        lines += page.sections.map { "  \(status($0))  \($0.title) — \($0.tally)" }
        lines += ["", "Findings and what to do next:"]
        for section in page.sectionsWorstFirst {
            lines.append("  \(status(section))  \(section.title): \(section.summary) (prerequisite \(section.id))")
            for group in section.groups {
                lines.append("      \(group.mark.text) — \(group.heading) (\(group.items.count))")
                for item in group.items {
                    lines.append("        - \(item.message)")
                    if let place = item.place { lines.append("          where: \(place)") }
                    lines.append("          next:  \(item.action)")
                    if let waiver = item.waiver { lines.append("          waiver: \(waiver)") }
                    lines.append("          code:  \(item.code)")
                }
            }
        }
        lines += ["", "Evidence inventory:"]
        if report.evidence.isEmpty { lines.append("  none listed") }
        for evidence in report.evidence {
            let bytes = evidence.bytes.map { ", \($0) bytes" } ?? ""
            lines.append("  \(evidence.kind): \(evidence.path)\(bytes)")
            lines.append("    sha256 \(evidence.sha256)")
            lines.append("    signed by \(page.signer(of: evidence))")
        }
        lines += ["", "Endpoints probed:"]
        if report.endpoints.isEmpty { lines.append("  \(ReportDocumentRenderer.endpointsAbsent(report))") }
        for endpoint in report.endpoints {
            let facts = [endpoint.address, endpoint.tlsVersion, endpoint.handshakeMs.map { "handshake \($0) ms" },
                         endpoint.certificateSha256.map { "certificate sha256 \($0)" }, endpoint.error]
                .compactMap { $0 }.joined(separator: ", ")
            lines.append("  \(endpoint.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(endpoint.url)  \(facts)")
        }
        lines += ["", "About this report:"] + aligned(page.details)
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }

    /// `label  value` lines with the values in one column.
    private static func aligned(_ facts: [ReportPage.Fact]) -> [String] {
        let width = facts.map(\.label.count).max() ?? 0
        return facts.map { "  \($0.label.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.value)" }
    }
}
