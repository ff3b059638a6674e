import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Renders one partner's history as a self-contained HTML page: its record, a timeline of its
/// verifications (eligible, eligible with a waiver, not eligible; `SVGTimeline`), and every
/// submission, verification and decision in a table, oldest first.
public enum PartnerHistoryPage {
    public static func html(partner: Partner, verifications: [Verification], events: [PartnerHistory.Event]) -> String {
        let escape = HTMLText.escaped
        let name = "\(partner.odsCode) \(partner.name)"
        var body = ["<header>", "<p class=\"kicker\">Leeds Care Record · partner history for the Information Governance steering group</p>"]
        body.append("<h1>\(escape(name))</h1>")
        let facts: [(String, String)] = [
            ("Status", PageShell.mark(partner.status.symbol, partner.status.word, tone: partner.status.tone)),
            ("Access", escape(partner.access?.rawValue ?? "none yet")),
            ("ISA SHA-256", partner.isaSha256.map { "<code>\(escape($0))</code>" } ?? "no signed ISA recorded"),
            ("Known since", escape(ReadableInstant.string(partner.createdAt))),
            ("Latest verification", verifications.last.map { verification -> String in
                let standing = VerificationStanding(verification)
                return PageShell.mark(standing.symbol, standing.words, tone: standing.tone) + " as of " + escape(ReadableInstant.string(verification.asOf))
            } ?? "not verified yet"),
        ]
        body.append("<table class=\"facts\"><caption>Partner record</caption><tbody>"
            + facts.map { "<tr><th scope=\"row\">\($0.0)</th><td>\($0.1)</td></tr>" }.joined() + "</tbody></table>")
        body.append("</header><main>")
        body.append("<section aria-labelledby=\"timeline-heading\"><h2 id=\"timeline-heading\">Verifications over time</h2>")
        let points = verifications.map(SVGTimeline.Point.init)
        if let svg = SVGTimeline.svg(points, title: "Verifications of \(name) over time") {
            body.append("<p class=\"note\">Each mark is one verification at its as-of instant: ✔ eligible, ◆ eligible because a waiver accepted a finding, ✖ not eligible.</p>")
            body.append(svg)
        } else {
            body.append("<p>No verifications recorded yet.</p>")
        }
        body.append("</section>")
        body.append("<section aria-labelledby=\"events-heading\"><h2 id=\"events-heading\">What happened, oldest first</h2>")
        if events.isEmpty {
            body.append("<p>Nothing recorded yet.</p>")
        } else {
            body.append("<table><caption>Submissions, verifications and the steering group's decisions</caption><thead><tr>"
                + ["When", "What", "Details"].map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>"
                + events.map { event -> String in
                    "<tr><td>\(escape(ReadableInstant.string(event.at)))</td><td>\(escape(event.kind))</td><td>\(escape(event.summary))</td></tr>"
                }.joined() + "</tbody></table>")
        }
        body.append("</section></main>")
        return PageShell.document(title: "History of \(name) — Leeds Care Record", body: body)
    }

    /// The page for `odsCode`, read from `registry`; an unknown partner is `RegistryError.unknownPartner`.
    public static func html(odsCode: String, in registry: PartnerRegistry) throws -> String {
        guard let partner = try registry.partner(odsCode) else { throw RegistryError.unknownPartner(odsCode: odsCode) }
        return html(
            partner: partner, verifications: try registry.verifications(odsCode: odsCode),
            events: try PartnerHistory.events(of: odsCode, in: registry))
    }
}
