import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// Rendered reports for meetings: every applicant-supplied value is escaped.
@Suite struct ReportRenderingTests {
    let pki = sharedPKI

    func hostileReport() async throws -> (VerificationReport, TestFolder) {
        var builder = BundleBuilder.withUserList()
        builder.organisationName = "Evil <script>alert(1)</script> | Practice"
        builder.addUnlisted("<img src=x onerror=alert(2)>.csv", Data("x".utf8))
        let folder = TestFolder()
        return (try await verify(builder.write(in: folder, signer: pki.signer), pki: pki), folder)
    }

    @Test func htmlEscapesApplicantText() async throws {
        let (report, _) = try await hostileReport()
        let html = ReportDocumentRenderer.html(report)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("evidence.unlisted"))
        #expect(html.contains("not-eligible"))
    }

    @Test func markdownKeepsTablesIntact() async throws {
        let (report, _) = try await hostileReport()
        let markdown = ReportDocumentRenderer.markdown(report)
        let titleLine = markdown.split(separator: "\n").first { $0.hasPrefix("# ") }!
        #expect(titleLine.contains("\\|"))
        let prerequisiteRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| evidence-integrity | ") || $0.hasPrefix("| dspt | ") }
        #expect(prerequisiteRows.count >= 2)
        #expect(!markdown.contains("<img"))
    }

    @Test func renderCommandPrintsEachFormatAndRefusesGarbage() async throws {
        let (report, folder) = try await hostileReport()
        let file = try folder.write(try ReportCoding.encode(report), to: "report.json")
        for format in ["html", "markdown", "text"] {
            let result = try CLI.run(["report", "render", file.path, "--format", format])
            #expect(result.status == 0)
            #expect(result.stdout.contains("B86001"))
        }
        let garbage = try folder.write("{\"format\":1}", to: "garbage.json")
        let refused = try CLI.run(["report", "render", garbage.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("garbage.json"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }
}
