import Foundation
import Testing
@testable import EvidenceVerifier

/// What the text summary `check` prints must always carry, however its layout changes: one decision line
/// in words, ahead of the prerequisites; every prerequisite by id with its status; every finding by code.
@Suite struct ReportTextRendererTests {
    /// A failing report: the user-list bundle has no DSPT, training or HSCN evidence.
    func failingReport() async throws -> VerificationReport {
        let folder = TestFolder()
        return try await verify(BundleBuilder.withUserList().write(in: folder, signer: sharedPKI.signer), pki: sharedPKI)
    }

    func decisionLines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.hasPrefix("Decision:") }
    }

    @Test func aFailingReportSaysNotEligibleOnceBeforeAnyPrerequisite() async throws {
        let report = try await failingReport()
        #expect(report.decision == .notEligible)
        let text = ReportTextRenderer.render(report)
        let decisions = decisionLines(text)
        #expect(decisions.count == 1)
        #expect(decisions.first?.hasPrefix("Decision: NOT ELIGIBLE") == true, "\(text)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let decisionIndex = try #require(lines.firstIndex { $0.hasPrefix("Decision:") })
        for prerequisite in report.prerequisites {
            let index = try #require(lines.firstIndex { $0.contains(prerequisite.id.rawValue) }, "\(prerequisite.id)")
            #expect(decisionIndex < index, "the decision comes before \(prerequisite.id)")
        }
    }

    @Test func anEligibleReportSaysEligible() async throws {
        let report = try await ExampleBundleTests().report("eligible")
        #expect(report.decision == .eligible)
        let decisions = decisionLines(ReportTextRenderer.render(report))
        #expect(decisions.count == 1)
        #expect(decisions.first?.hasPrefix("Decision: ELIGIBLE") == true)
    }

    /// The failing report and the eligible example (its HSCN prerequisite warns without probes) between
    /// them show every status.
    @Test func everyPrerequisiteIsShownWithItsStatus() async throws {
        let reports = [try await failingReport(), try await ExampleBundleTests().report("eligible")]
        #expect(Set(reports.flatMap(\.prerequisites).map(\.status)) == [.pass, .warn, .fail], "every status is exercised")
        for report in reports {
            #expect(Set(report.prerequisites.map(\.id)) == Set(PrerequisiteID.allCases))
            let lines = ReportTextRenderer.render(report).split(separator: "\n")
            for prerequisite in report.prerequisites {
                // The "at a glance" line names the prerequisite by its title, with its status beside it.
                let title = ReportPage.title(prerequisite.id)
                let line = lines.first { $0.contains(title) && $0.contains("—") }
                #expect(line?.contains(prerequisite.status.rawValue.uppercased()) == true, "\(prerequisite.id): \(line ?? "no line")")
            }
        }
    }

    @Test func everyFindingIsShownByItsCode() async throws {
        let report = try await failingReport()
        let codes = Set(report.prerequisites.flatMap(\.findings).map(\.code.rawValue))
        #expect(codes.isSuperset(of: ["dspt.missing", "training.missing"]), "\(codes)")
        let text = ReportTextRenderer.render(report)
        for code in codes {
            #expect(text.contains(code), "\(code) is not shown")
        }
    }
}
