import EvidenceVerifier
import Foundation
import Testing

@testable import PartnerOperations
@testable import PartnerRegistry

@Suite("Comparing verifications")
struct ComparisonTests {
    @Test("Findings added, removed, now waived and no longer waived are told apart")
    func findingChanges() {
        let before = [
            RecordedFinding(prerequisite: "dspt", code: "dspt.not-current", severity: "error"),
            RecordedFinding(prerequisite: "hscn", code: "endpoints.not-probed", severity: "warning"),
            RecordedFinding(prerequisite: "ig-training", code: "training.below-threshold", severity: "warning", waived: true),
        ]
        let after = [
            RecordedFinding(prerequisite: "dspt", code: "dspt.not-current", severity: "warning", waived: true),
            RecordedFinding(prerequisite: "ig-training", code: "training.below-threshold", severity: "error"),
            RecordedFinding(prerequisite: "user-accounts", code: "email.domain-not-allowed", severity: "error"),
        ]
        let changes = FindingChanges(from: before, to: after)
        #expect(changes == FindingChanges(
            added: ["user-accounts/email.domain-not-allowed"], removed: ["hscn/endpoints.not-probed"],
            nowWaived: ["dspt/dspt.not-current"], noLongerWaived: ["ig-training/training.below-threshold"]))
        #expect(changes.text == "added user-accounts/email.domain-not-allowed; removed hscn/endpoints.not-probed; now waived dspt/dspt.not-current; no longer waived ig-training/training.below-threshold")
        #expect(FindingChanges(from: after, to: after).isEmpty)
    }

    @Test("A report that is no longer eligible is a regression; the waived one after it is not")
    func regression() async throws {
        let lapsed = try await WaiverTests.lapsedDSPTReport()
        let settings = try OperationsFixture.settings()
        let current = try await settings.verification.verify(
            OperationsFixture.example("eligible"), asOf: OperationsFixture.asOf, generatedAt: OperationsFixture.asOf)
        let worse = ReportComparison(old: current, new: lapsed)
        #expect(worse.regression)
        #expect(worse.decision == ["eligible", "not-eligible"])
        #expect(worse.statuses == [ReportComparison.StatusChange(id: "dspt", from: "pass", to: "fail")])
        #expect(worse.findings.added == ["dspt/dspt.not-current"])
        let waived = WaiverApplier.apply([WaiverTests.waiver("dspt.not-current", until: "2026-07-31")], to: lapsed)
        let better = ReportComparison(old: lapsed, new: waived)
        #expect(!better.regression)
        #expect(better.findings.nowWaived == ["dspt/dspt.not-current"])
        #expect(ReportComparison(old: current, new: current).text.hasSuffix("no change in decision, statuses or findings\n"))
    }

    @Test("--due takes partners never verified or whose reverifyBy falls within the notice period; an unknown code is refused")
    func dueSelection() async throws {
        let fixture = try OperationsFixture()
        _ = try await fixture.submit(OperationsFixture.example("eligible"))  // reverifyBy 2026-06-30T23:00:00Z
        let reverifyBy = try #require(try fixture.registry.latestVerification(odsCode: "B86001")?.reverifyBy)
        let early = reverifyBy.addingTimeInterval(-31 * 86_400)
        let inNotice = reverifyBy.addingTimeInterval(-29 * 86_400)
        let selection = ReverifySelection(odsCodes: [], dueOnly: true, noticeDays: 30)
        #expect(try selection.partners(in: fixture.registry, asOf: early).isEmpty)
        #expect(try selection.partners(in: fixture.registry, asOf: inNotice).map(\.odsCode) == ["B86001"])
        #expect(try ReverifySelection(odsCodes: ["b86001"], dueOnly: false, noticeDays: 30).partners(in: fixture.registry, asOf: early).count == 1)
        #expect(throws: RegistryError.unknownPartner(odsCode: "RR8")) {
            try ReverifySelection(odsCodes: ["RR8"], dueOnly: false, noticeDays: 30).partners(in: fixture.registry, asOf: early)
        }
    }
}
