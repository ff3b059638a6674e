import Foundation
import Testing

@testable import EvidenceVerifier

/// `--at` on the steering group's decision commands records when the decision was taken (a meeting's
/// time) instead of the wall clock, so a data folder can be rebuilt exactly (the dashboard screenshot).
@Suite(.serialized) struct DecisionTimeCommandLineTests {
    @Test func aDecisionIsRecordedAtTheInstantGiven() async throws {
        let deployment = try await DashboardDeployment.make()
        let data = ["--data-dir", deployment.dataDirectory.root.path]
        let suspend = try CLI.run(["partners", "suspend", "B86001", "--reason", "audit", "--by", "Chair", "--at", "2026-04-09T10:00:00+01:00"] + data)
        #expect(suspend.status == 0, "\(suspend.stderr)")
        let waive = try CLI.run(["partners", "waive", "Y00002", "--code", "training.below-threshold", "--until", "2026-06-30",
                                 "--reason", "plan", "--by", "Chair", "--at", "2026-04-09T09:30:00Z"] + data)
        #expect(waive.status == 0, "\(waive.stderr)")
        let decisions = try #require(try deployment.registry.decisions(odsCode: "B86001").last)
        #expect(decisions.action == .suspended && decisions.at == ISOInstant.parse("2026-04-09T09:00:00Z"))
        #expect(try deployment.registry.waivers(odsCode: "Y00002").last?.approvedAt == ISOInstant.parse("2026-04-09T09:30:00Z"))
        let refused = try CLI.run(["partners", "withdraw", "RR8", "--reason", "x", "--by", "Chair", "--at", "2026-04-09"] + data)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("lcr-verify: ") && refused.stderr.contains("--at") && refused.stderr.split(separator: "\n").count == 1)
        #expect(try deployment.registry.partner("RR8")?.status == .applicant)
    }
}
