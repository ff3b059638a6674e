import Foundation
import Testing
@testable import EvidenceVerifier

/// Rendered report pages opened in headless Chromium, as a steering-group member would see them: the
/// DOM Chromium built (`--dump-dom`) is read for the decision, every failure's next step and the
/// signature state, and a screenshot of each page is kept in the test's temporary folder.
@Suite(.enabled(if: HeadlessBrowser.shared != nil, Comment(rawValue: HeadlessBrowser.unavailableReason)))
struct ReportBrowserTests {
    /// One example's page: the report, its HTML, the DOM Chromium made of it and the DOM's text.
    struct OpenedPage {
        let report: VerificationReport
        let dom: String
        let text: String
        let screenshot: URL
    }

    func open(_ report: URL, in reports: ExampleReports, status: Int32) throws -> OpenedPage {
        let browser = try #require(HeadlessBrowser.shared)
        let rendered = try reports.render(report, "html")
        #expect(rendered.status == status, "\(rendered.stderr)")
        let page = try reports.folder.write(rendered.stdout, to: "pages/\(report.deletingPathExtension().lastPathComponent)-\(UUID().uuidString).html")
        let dom = try browser.dumpDOM(page)
        let screenshot = page.deletingPathExtension().appendingPathExtension("png")
        try browser.screenshot(page, to: screenshot)
        return OpenedPage(report: try reports.decode(report), dom: dom, text: ReadableText.of(dom, format: "html"), screenshot: screenshot)
    }

    /// Nothing the page could fetch or run: no script, no external resource, only in-page links.
    func expectSelfContained(_ page: OpenedPage) {
        let dom = page.dom.lowercased()
        #expect(dom.contains("<body"))
        for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "<embed", " src=", "url(", "@import"] {
            #expect(!dom.contains(forbidden), "\(forbidden)")
        }
        let hrefs = page.dom.components(separatedBy: "href=\"").dropFirst()
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") })
    }

    /// The screenshot is an A4-shaped PNG (1240×1754 pixels, A4 at 150 dpi) with something drawn on it.
    func expectScreenshot(_ page: OpenedPage) throws {
        let png = try Data(contentsOf: page.screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let header = [UInt8](png.prefix(24))
        let width = header[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = header[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1240 && height == 1754)
        #expect(png.count > 50_000)
    }

    @Test func aFailingReportShowsNotEligibleAndWhatToDoAboutEachFailure() throws {
        let reports = ExampleReports()
        let page = try open(try reports.signed("lookalike-domain"), in: reports, status: 0)
        #expect(page.text.contains("Report signature valid, signed by"))
        #expect(page.text.contains("✖ NOT ELIGIBLE: may not use the Leeds Care Record, 2 prerequisites failed"))
        #expect(!page.text.contains("ELIGIBLE: may use"))
        let failures = page.report.prerequisites.flatMap(\.findings).filter { $0.severity == .error }
        #expect(!failures.isEmpty)
        for finding in failures {
            #expect(page.text.contains(finding.message), "\(finding.code)")
            #expect(page.text.contains(FindingGuidance.action(for: finding.code)), "\(finding.code)")
        }
        #expect(page.text.contains("✖ FAIL — Information-governance training"))
        #expect(page.text.contains("▲ WARN — HSCN connection"))
        expectSelfContained(page)
        try expectScreenshot(page)
    }

    @Test func anEligibleReportShowsEligible() throws {
        let reports = ExampleReports()
        let page = try open(try reports.signed("eligible"), in: reports, status: 0)
        #expect(page.text.contains("✔ ELIGIBLE: may use the Leeds Care Record"))
        #expect(!page.text.contains("NOT ELIGIBLE"))
        #expect(page.text.contains("Report signature valid, signed by"))
        for evidence in page.report.evidence {
            #expect(page.text.contains(evidence.sha256))
        }
        expectSelfContained(page)
        try expectScreenshot(page)
    }

    @Test func aWaivedReportShowsWhoApprovedEachWaiverAndUntilWhen() throws {
        let reports = ExampleReports()
        let page = try open(try reports.waived("lookalike-domain"), in: reports, status: 0)
        #expect(page.text.contains("✔ ELIGIBLE: may use the Leeds Care Record"))
        #expect(page.text.contains("2 findings are accepted under steering-group waivers."))
        let waived = page.report.prerequisites.flatMap(\.findings).filter { $0.waiver != nil }
        #expect(waived.count == 2)
        #expect(page.text.components(separatedBy: "approved by \(ExampleReports.waiverApprover)").count - 1 == waived.count)
        #expect(page.text.contains("Accepted until 1 July 2026, 00:00 UK time"))
        #expect(page.text.contains("◆ WAIVED — accepted by the steering group until the date shown (1)"))
        expectSelfContained(page)
        try expectScreenshot(page)
    }

    @Test func aTamperedReportShowsNotValidAboveItsDecision() throws {
        let reports = ExampleReports()
        let page = try open(try reports.tampered("lookalike-domain"), in: reports, status: 1)
        let banner = try #require(page.text.range(of: "Report signature NOT VALID: the signature"))
        let advice = try #require(page.text.range(of: "Do not rely on this page"))
        let decision = try #require(page.text.range(of: "ELIGIBLE: may use the Leeds Care Record"))
        #expect(banner.upperBound <= advice.lowerBound && advice.upperBound <= decision.lowerBound)
        #expect(page.text.contains("This report's decision does not agree with its prerequisite statuses"))
        expectSelfContained(page)
        try expectScreenshot(page)
    }
}
