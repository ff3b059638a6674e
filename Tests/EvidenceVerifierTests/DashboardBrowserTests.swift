import Foundation
import PartnerOperations
import PartnerRegistry
import Testing

@testable import EvidenceVerifier

/// The partners dashboard and a partner's history page, written by the built `lcr-verify` from a real
/// data folder (`DashboardDeployment`) and opened in headless Chromium, as a steering-group member
/// would see them: the DOM Chromium built is read for every partner, the lapse highlight and its
/// reason, the waivers, the pictures' titles and month labels; the links must lead to files that exist;
/// a screenshot of each page is kept in the test's temporary folder.
@Suite(.serialized, .enabled(if: HeadlessBrowser.shared != nil, Comment(rawValue: HeadlessBrowser.unavailableReason)))
struct DashboardBrowserTests {
    static let certs = DashboardDeployment.certs.path

    /// A page as Chromium rendered it.
    struct OpenedPage {
        let dom: String
        let text: String
        let screenshot: URL
    }

    func open(_ page: URL) throws -> OpenedPage {
        let browser = try #require(HeadlessBrowser.shared)
        let dom = try browser.dumpDOM(page)
        let screenshot = page.deletingPathExtension().appendingPathExtension("png")
        try browser.screenshot(page, to: screenshot)
        return OpenedPage(dom: dom, text: ReadableText.of(dom, format: "html"), screenshot: screenshot)
    }

    /// Nothing the page could fetch or run, and every link either within the page or to a file beside it that exists.
    func expectSelfContained(_ page: OpenedPage, beside folder: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let dom = page.dom.lowercased()
        #expect(dom.contains("<body"), sourceLocation: sourceLocation)
        for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "<embed", " src=", "url(", "@import", "javascript:"] {
            #expect(!dom.contains(forbidden), "\(forbidden)", sourceLocation: sourceLocation)
        }
        for href in page.dom.components(separatedBy: "href=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) where !href.hasPrefix("#") {
            #expect(!href.contains("/") && !href.contains(":"), "\(href)", sourceLocation: sourceLocation)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(href).path), "\(href)", sourceLocation: sourceLocation)
        }
        #expect((try? Data(contentsOf: page.screenshot).count) ?? 0 > 20_000, sourceLocation: sourceLocation)
    }

    func dashboard(_ deployment: DashboardDeployment, trust: Bool = true) throws -> URL {
        let out = deployment.folder.path("site/index.html")
        try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try CLI.run(
            ["dashboard", "--data-dir", deployment.dataDirectory.root.path, "--out", out.path,
             "--as-of", ISOInstant.string(DashboardDeployment.dashboardAsOf)] + (trust ? ["--trust", Self.certs] : []))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        return out
    }

    @Test func theDashboardShowsEveryPartnerTheLapseAndItsReasonTheWaiversAndTheCalendar() async throws {
        let deployment = try await DashboardDeployment.make()
        let out = try dashboard(deployment)
        let page = try open(out)
        #expect(page.text.contains("4 organisations: 1 approved, 2 applicants, 1 suspended, 0 withdrawn."))
        for (odsCode, status) in [("B86001", "APPROVED"), ("RR8", "APPLICANT"), ("Y00002", "APPLICANT"), ("Y00003", "SUSPENDED")] {
            #expect(page.text.contains(odsCode))
            let section = try #require(page.text.range(of: "\(status) \(status == "APPLICANT" ? "Applicants" : "\(status.prefix(1))\(status.dropFirst().lowercased()) partners")"))
            let row = try #require(page.text.range(of: "\(odsCode) Example", range: section.upperBound..<page.text.endIndex), "\(odsCode) under \(status)")
            #expect(row.lowerBound > section.upperBound)
        }
        #expect(page.dom.contains("id=\"section-approved\"") && page.dom.contains("href=\"#section-suspended\""))
        // Every partner's DSPT assessment lapses at 1 July 2026 00:00 UK time, about 20 days after the page's instant.
        #expect(page.text.contains("▲ LAPSES WITHIN 30 DAYS 1 July 2026, 00:00 UK time Reason: DSPT deadline — the DSPT assessment is current only until the 30 June 2026 deadline"))
        #expect(page.text.contains("✖ NOT ELIGIBLE"))
        #expect(page.text.contains("◆ ELIGIBLE WITH WAIVER"))
        for code in DashboardDeployment.waivedCodes {
            #expect(page.text.contains("◆ WAIVED \(code) until 1 October 2026, 00:00 UK time, approved by \(DashboardDeployment.waiverApprover)"))
        }
        #expect(page.text.contains("approved by IG steering group 8 April 2026, 15:00 UK time: ISA signed; minute 4.2"))
        #expect(page.text.contains("suspended by IG steering group 20 April 2026, 11:00 UK time: ISA under review"))
        #expect(page.text.components(separatedBy: "signature valid").count - 1 == DashboardDeployment.partners.count)
        // The calendar strip: twelve months from June 2026, its title and each month's label, all four lapsing in July.
        #expect(page.dom.contains("<title id=\"lapse-calendar-title\">Partners whose verification lapses, month by month, June 2026 to May 2027</title>"))
        for month in ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May"] {
            #expect(page.dom.contains(">\(month)</text>"), "\(month)")
        }
        #expect(page.dom.contains("<title>July 2026: 4 partners lapse: B86001 (DSPT deadline), RR8 (DSPT deadline), Y00002 (DSPT deadline), Y00003 (DSPT deadline)</title>"))
        #expect(page.dom.contains("<title>June 2026: no partner lapses</title>"))
        let folder = out.deletingLastPathComponent()
        for odsCode in DashboardDeployment.partners {
            #expect(page.dom.contains("href=\"\(odsCode)-latest.html\""))
            #expect(page.dom.contains("href=\"\(odsCode)-history.html\""))
        }
        expectSelfContained(page, beside: folder)
        // The report beside it is the report page, its signature checked.
        let report = try open(folder.appendingPathComponent("RR8-latest.html"))
        #expect(report.text.contains("Report signature valid, signed by"))
        #expect(report.text.contains("✔ ELIGIBLE: may use the Leeds Care Record"))
        expectSelfContained(report, beside: folder)
    }

    @Test func aHistoryPageDrawsEachVerificationOnItsTimeline() async throws {
        let deployment = try await DashboardDeployment.make()
        let out = deployment.folder.path("RR8-history.html")
        let result = try CLI.run(["partners", "history", "rr8", "--format", "html", "--out", out.path, "--data-dir", deployment.dataDirectory.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let page = try open(out)
        #expect(page.text.contains("RR8 Example Hospice"))
        #expect(page.dom.contains("<title id=\"timeline-title\">Verifications of RR8 Example Hospice over time</title>"))
        #expect(page.dom.contains("<title>1 April 2026, 13:00 UK time: ✖ NOT ELIGIBLE (reports/RR8/RR8-20260401T120000Z.json)</title>"))
        #expect(page.dom.contains("<title>1 May 2026, 07:00 UK time: ◆ ELIGIBLE WITH WAIVER (reports/RR8/RR8-20260501T060000Z.json)</title>"))
        #expect(page.dom.contains(">Apr 2026</text>") && page.dom.contains(">May 2026</text>"))
        #expect(page.text.contains("✔ Eligible") && page.text.contains("◆ Eligible with waiver") && page.text.contains("✖ Not eligible"))
        #expect(page.text.contains("waived by \(DashboardDeployment.waiverApprover): email.domain-not-allowed"))
        expectSelfContained(page, beside: out.deletingLastPathComponent())
    }

    @Test func aReportAlteredAfterItWasFiledIsNotValidOnTheDashboardAndUncheckedWithoutTrust() async throws {
        let deployment = try await DashboardDeployment.make()
        let latest = try #require(try deployment.registry.latestVerification(odsCode: "Y00002"))
        let file = deployment.dataDirectory.root.appendingPathComponent(latest.reportPath)
        chmod(file.path, 0o644)
        let altered = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"decision\":\"not-eligible\"", with: "\"decision\":\"eligible\"")
        try Data(altered.utf8).write(to: file)
        let checked = try String(contentsOf: try dashboard(deployment), encoding: .utf8)
        #expect(ReadableText.of(checked, format: "html").components(separatedBy: "signature NOT VALID").count - 1 == 1)
        #expect(ReadableText.of(checked, format: "html").contains("✖ REPORT NOT VALID Latest report altered, unreadable or its signature refused (1): Y00002 Example Care Home"))
        let report = try String(contentsOf: deployment.folder.path("site/Y00002-latest.html"), encoding: .utf8)
        #expect(ReadableText.of(report, format: "html").contains("Report signature NOT VALID: \(latest.reportPath) no longer has the SHA-256 the registry recorded for it"))
        let unchecked = try String(contentsOf: try dashboard(deployment, trust: false), encoding: .utf8)
        #expect(ReadableText.of(unchecked, format: "html").contains("Report signatures were not checked (no --trust given)"))
        #expect(ReadableText.of(unchecked, format: "html").components(separatedBy: "signature not checked").count - 1 == 3)
    }

    @Test func aFolderWithoutARegistryIsExitTwoWithOneLineAndNothingWritten() throws {
        let folder = TestFolder()
        let out = folder.path("index.html")
        let result = try CLI.run(["dashboard", "--data-dir", folder.path("nothing-here").path, "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr == "lcr-verify: \(folder.path("nothing-here").path): is not a data folder: it holds no registry.sqlite\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(!FileManager.default.fileExists(atPath: folder.path("nothing-here").path))
    }
}
