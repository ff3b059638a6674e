import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Renders a `Dashboard` as one self-contained HTML page for the steering group: a summary with the
/// partners whose verification lapses soon, a small navigation to one section per status (anchors,
/// no script), the lapse calendar strip, then each status's partners in a table: ODS code and name,
/// access, latest verification, re-verify-by date with its reason, last decision, open waivers and
/// links to the partner's latest report and history, written beside the page.
public enum DashboardPage {
    /// `links` says which partner pages exist beside the dashboard (by ODS code, their file names).
    public static func html(_ dashboard: Dashboard, reportLinks: [String: String], historyLinks: [String: String]) -> String {
        let escape = HTMLText.escaped
        let asOf = ReadableInstant.string(dashboard.asOf)
        var body: [String] = ["<header>"]
        body.append("<p class=\"kicker\">Leeds Care Record · partners dashboard for the Information Governance steering group</p>")
        body.append("<h1>Partners dashboard as of \(escape(asOf))</h1>")
        body.append(summary(dashboard))
        body.append(navigation(dashboard))
        body.append("</header><main>")
        body.append(calendarSection(dashboard))
        for status in PartnerStatus.dashboardOrder {
            let partners = dashboard.partners(status)
            body.append("<section class=\"status\" aria-labelledby=\"status-\(status.rawValue)\" id=\"section-\(status.rawValue)\">")
            body.append("<h2 id=\"status-\(status.rawValue)\">\(PageShell.mark(status.symbol, status.word, tone: status.tone)) \(status.sectionTitle) (\(partners.count))</h2>")
            if partners.isEmpty {
                body.append("<p class=\"note\">None.</p>")
            } else {
                body.append(table(partners, dashboard: dashboard, status: status, reportLinks: reportLinks, historyLinks: historyLinks))
            }
            body.append("</section>")
        }
        body.append("</main>")
        return PageShell.document(title: "Partners dashboard as of \(asOf) — Leeds Care Record", body: body)
    }

    private static func summary(_ dashboard: Dashboard) -> String {
        let escape = HTMLText.escaped
        let counts = PartnerStatus.dashboardOrder.map { status -> String in
            let count = dashboard.partners(status).count
            return "\(count) \(status == .applicant && count != 1 ? "applicants" : status.rawValue)"
        }.joined(separator: ", ")
        let active = dashboard.partners.filter { $0.partner.status != .withdrawn }
        let lapsed = active.filter { $0.urgency == .lapsed }
        let soon = active.filter { $0.urgency == .soon }
        let notEligible = active.filter { $0.standing == .notEligible }
        var lines = ["<p><strong>\(dashboard.partners.count) \(dashboard.partners.count == 1 ? "organisation" : "organisations")</strong>: \(counts).</p>"]
        func list(_ overviews: [PartnerOverview], _ heading: String, _ item: (PartnerOverview) -> String) {
            guard !overviews.isEmpty else { return }
            lines.append("<p><strong>\(heading)</strong></p><ul>" + overviews.map { "<li>\(item($0))</li>" }.joined() + "</ul>")
        }
        list(lapsed, "\(PageShell.mark("✖", "LAPSED", tone: .bad)) Verification has lapsed (\(lapsed.count)):") { overview in
            "<strong>\(escape(overview.partner.odsCode))</strong> \(escape(overview.partner.name)): " + lapseText(overview)
        }
        list(soon, "\(PageShell.mark("▲", "LAPSES WITHIN \(dashboard.noticeDays) DAYS", tone: .caution)) Re-verify soon (\(soon.count)):") { overview in
            "<strong>\(escape(overview.partner.odsCode))</strong> \(escape(overview.partner.name)): " + lapseText(overview)
        }
        list(notEligible, "\(PageShell.mark("✖", "NOT ELIGIBLE", tone: .bad)) Latest verification not eligible (\(notEligible.count)):") { overview in
            "<strong>\(escape(overview.partner.odsCode))</strong> \(escape(overview.partner.name))"
        }
        let untrustworthy = dashboard.partners.filter { overview in
            switch overview.report {
            case .loaded(_, _, .notValid), .unreadable: true
            default: false
            }
        }
        list(untrustworthy, "\(PageShell.mark("✖", "REPORT NOT VALID", tone: .bad)) Latest report altered, unreadable or its signature refused (\(untrustworthy.count)):") { overview in
            "<strong>\(escape(overview.partner.odsCode))</strong> \(escape(overview.partner.name))"
        }
        if lapsed.isEmpty && soon.isEmpty {
            lines.append("<p>\(PageShell.mark("✔", "NOTHING LAPSES", tone: .good)) within the \(dashboard.noticeDays)-day notice period.</p>")
        }
        lines.append("<p class=\"note\">" + (dashboard.signaturesChecked
            ? "Each latest report's signature was checked against the report-signing trust anchors as of this page's instant."
            : "Report signatures were not checked (no --trust given): each report page says \"not checked\".") + "</p>")
        let tone: ReportStyle.Tone = !lapsed.isEmpty || !notEligible.isEmpty || !untrustworthy.isEmpty ? .bad : (soon.isEmpty ? .good : .caution)
        return "<div class=\"box tone-\(tone.rawValue)\" role=\"region\" aria-label=\"Summary\">" + lines.joined() + "</div>"
    }

    private static func navigation(_ dashboard: Dashboard) -> String {
        let items = ["<li><a href=\"#lapse-calendar-section\">Lapse calendar</a></li>"] + PartnerStatus.dashboardOrder.map { status -> String in
            "<li><a href=\"#section-\(status.rawValue)\">\(status.sectionTitle) (\(dashboard.partners(status).count))</a></li>"
        }
        return "<nav class=\"filter\" aria-label=\"Partners by status\"><p class=\"note\">Show partners by status:</p><ul>" + items.joined() + "</ul></nav>"
    }

    private static func calendarSection(_ dashboard: Dashboard) -> String {
        let escape = HTMLText.escaped
        let calendar = dashboard.calendar
        var parts = ["<section aria-labelledby=\"lapse-calendar-heading\" id=\"lapse-calendar-section\">",
                     "<h2 id=\"lapse-calendar-heading\">Lapses in the next 12 months</h2>",
                     "<p class=\"note\">How many partners (not withdrawn) must be re-verified in each month, and why: the fact whose lapse sets their re-verify-by date.</p>",
                     SVGCalendarStrip.svg(calendar)]
        var notes: [String] = []
        if !calendar.lapsed.isEmpty {
            notes.append("Already lapsed before \(escape(ReadableInstant.string(dashboard.asOf))): "
                + calendar.lapsed.map { "\(escape($0.odsCode)) (\(escape($0.lapse.reason.words)))" }.joined(separator: ", ") + ".")
        }
        if !calendar.later.isEmpty, let last = calendar.months.last {
            notes.append("After \(escape(last.month.name)): " + calendar.later.map { "\(escape($0.odsCode)) (\(escape($0.lapse.reason.words)))" }.joined(separator: ", ") + ".")
        }
        let undated = dashboard.partners.filter { $0.partner.status != .withdrawn && $0.lapse == nil }
        if !undated.isEmpty {
            notes.append("No re-verify-by date recorded: " + undated.map { escape($0.partner.odsCode) }.joined(separator: ", ") + ".")
        }
        parts += notes.map { "<p class=\"small\">\($0)</p>" }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    private static func table(
        _ partners: [PartnerOverview], dashboard: Dashboard, status: PartnerStatus, reportLinks: [String: String], historyLinks: [String: String]
    ) -> String {
        let escape = HTMLText.escaped
        let headers = ["Partner", "Access", "Latest verification", "Re-verify by", "Last decision", "Open waivers", "Pages"]
        let rows = partners.map { overview -> String in
            let partner = overview.partner
            let cells = [
                "<strong>\(escape(partner.odsCode))</strong><br>\(escape(partner.name))",
                escape(partner.access?.rawValue ?? "none yet"),
                verificationCell(overview),
                reverifyCell(overview, noticeDays: dashboard.noticeDays),
                decisionCell(overview),
                waiversCell(overview),
                pagesCell(overview, report: reportLinks[partner.odsCode], history: historyLinks[partner.odsCode]),
            ]
            return "<tr>" + cells.enumerated().map { index, cell in index == 0 ? "<th scope=\"row\">\(cell)</th>" : "<td>\(cell)</td>" }.joined() + "</tr>"
        }
        return "<table class=\"partners\"><caption>\(status.sectionTitle): \(partners.count)</caption><thead><tr>"
            + headers.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>" + rows.joined() + "</tbody></table>"
    }

    private static func verificationCell(_ overview: PartnerOverview) -> String {
        guard let latest = overview.latest, let standing = overview.standing else { return "<span class=\"note\">not verified yet</span>" }
        return PageShell.mark(standing.symbol, standing.words, tone: standing.tone)
            + "<br><span class=\"small\">as of \(HTMLText.escaped(ReadableInstant.string(latest.asOf))) (\(latest.level.rawValue))</span>"
    }

    /// The reason in words: `DSPT deadline: the DSPT assessment is current only until …`.
    static func lapseText(_ overview: PartnerOverview) -> String {
        guard let lapse = overview.lapse else { return "no re-verify-by date recorded" }
        return "\(HTMLText.escaped(ReadableInstant.string(lapse.at))) — \(HTMLText.escaped(lapse.reason.words)): \(HTMLText.escaped(lapse.detail))"
    }

    private static func reverifyCell(_ overview: PartnerOverview, noticeDays: Int) -> String {
        guard let lapse = overview.lapse else { return "<span class=\"note\">no re-verify-by date recorded</span>" }
        let escape = HTMLText.escaped
        let highlight: String
        switch overview.urgency {
        case .lapsed?: highlight = PageShell.mark("✖", "LAPSED", tone: .bad) + "<br>"
        case .soon?: highlight = PageShell.mark("▲", "LAPSES WITHIN \(noticeDays) DAYS", tone: .caution) + "<br>"
        default: highlight = ""
        }
        return highlight + "<strong>\(escape(ReadableInstant.string(lapse.at)))</strong>"
            + " <span class=\"lapse small\">Reason: \(escape(lapse.reason.words)) — \(escape(lapse.detail))</span>"
    }

    private static func decisionCell(_ overview: PartnerOverview) -> String {
        guard let decision = overview.lastDecision else { return "<span class=\"note\">no decision yet</span>" }
        let escape = HTMLText.escaped
        return "<strong>\(escape(decision.action.rawValue))</strong> by \(escape(decision.by))"
            + "<br><span class=\"small\">\(escape(ReadableInstant.string(decision.at))): \(escape(decision.reason))</span>"
    }

    private static func waiversCell(_ overview: PartnerOverview) -> String {
        guard !overview.openWaivers.isEmpty else { return "<span class=\"note\">none</span>" }
        let escape = HTMLText.escaped
        return "<ul>" + overview.openWaivers.map { waiver -> String in
            "<li>\(PageShell.mark("◆", "WAIVED", tone: .caution)) <code>\(escape(waiver.findingCode))</code> until \(escape(ReadableInstant.string(waiver.until))), "
                + "approved by \(escape(waiver.approvedBy))</li>"
        }.joined() + "</ul>"
    }

    private static func pagesCell(_ overview: PartnerOverview, report: String?, history: String?) -> String {
        let escape = HTMLText.escaped
        var parts: [String] = []
        switch overview.report {
        case .loaded(_, _, let signature):
            if let report { parts.append("<a href=\"\(escape(report))\">Latest report</a>") }
            let state: (String, ReportStyle.Tone)
            switch signature {
            case .valid: state = ("signature valid", .good)
            case .notValid: state = ("signature NOT VALID", .bad)
            case .notChecked: state = ("signature not checked", .caution)
            }
            parts.append("<span class=\"small mark tone-\(state.1.rawValue)\">\(state.0)</span>")
        case .unreadable(let path, let problem):
            parts.append("<span class=\"mark tone-bad\">✖ report unreadable</span><br><span class=\"small\">\(escape(path)): \(escape(problem))</span>")
        case .none:
            parts.append("<span class=\"note\">no report yet</span>")
        }
        if let history { parts.append("<a href=\"\(escape(history))\">History and timeline</a>") }
        return parts.joined(separator: "<br>")
    }
}
