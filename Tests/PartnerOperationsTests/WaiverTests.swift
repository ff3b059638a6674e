import EvidenceVerifier
import Foundation
import Testing

@testable import PartnerOperations
@testable import PartnerRegistry

@Suite("Waivers")
struct WaiverTests {
    @Test("--until applies through the end of that day in Europe/London, summer and winter")
    func endOfDayInLondon() {
        #expect(WaiverDeadline.endOfDay("2026-07-31").map(ISOInstant.string) == "2026-07-31T23:00:00Z")
        #expect(WaiverDeadline.endOfDay("2026-12-31").map(ISOInstant.string) == "2027-01-01T00:00:00Z")
        #expect(WaiverDeadline.endOfDay("2026-03-28").map(ISOInstant.string) == "2026-03-29T00:00:00Z")  // the night the clocks go forward
        for bad in ["2026-02-30", "2026-7-1", "31/07/2026", "2026-07-31T00:00:00Z", ""] {
            #expect(WaiverDeadline.endOfDay(bad) == nil, "\(bad)")
        }
    }

    /// The eligible example verified after its DSPT assessment lapsed: `dspt` fails with `dspt.not-current`.
    static func lapsedDSPTReport() async throws -> VerificationReport {
        let settings = try OperationsFixture.settings()
        let asOf = ISOInstant.parse("2026-07-05T12:00:00Z")!
        return try await settings.verification.verify(OperationsFixture.example("eligible"), asOf: asOf, generatedAt: asOf)
    }

    static func waiver(_ code: String, until: String, revoked: Bool = false) -> Waiver {
        Waiver(
            odsCode: "B86001", findingCode: code, until: WaiverDeadline.endOfDay(until)!, reason: "improvement plan agreed",
            approvedBy: "Chair", approvedAt: ISOInstant.parse("2026-07-01T09:00:00Z")!, revokedAt: revoked ? Date() : nil)
    }

    @Test("A waived error becomes a warning carrying the waiver, and the decision is taken after it")
    func waivesError() async throws {
        let report = try await Self.lapsedDSPTReport()
        #expect(report.decision == .notEligible)
        let waived = WaiverApplier.apply([Self.waiver("dspt.not-current", until: "2026-07-31")], to: report)
        #expect(waived.decision == .eligible)
        let dspt = try #require(waived.prerequisites.first { $0.id == .dspt })
        #expect(dspt.status == .warn)
        let finding = try #require(dspt.findings.first { $0.code.rawValue == "dspt.not-current" })
        #expect(finding.severity == .warning)
        #expect(finding.waiver == FindingWaiver(
            until: ISOInstant.parse("2026-07-31T23:00:00Z")!, reason: "improvement plan agreed", approvedBy: "Chair",
            approvedAt: ISOInstant.parse("2026-07-01T09:00:00Z")!))
        let json = String(decoding: try ReportCoding.encode(waived), as: UTF8.self)
        #expect(json.contains("\"waiver\":{\"approvedAt\":\"2026-07-01T09:00:00Z\",\"approvedBy\":\"Chair\",\"reason\":\"improvement plan agreed\",\"until\":\"2026-07-31T23:00:00Z\"}"))
    }

    @Test("A lapsed, revoked or unrelated waiver changes nothing")
    func ignoresWaiversThatDoNotApply() async throws {
        let report = try await Self.lapsedDSPTReport()
        for waiver in [
            Self.waiver("dspt.not-current", until: "2026-07-04"), Self.waiver("dspt.not-current", until: "2026-07-31", revoked: true),
            Self.waiver("training.expired", until: "2026-07-31"),
        ] {
            #expect(WaiverApplier.apply([waiver], to: report) == report)
        }
    }

    @Test("Findings of evidence-integrity are never waived")
    func neverWaivesIntegrity() async throws {
        let settings = try OperationsFixture.settings()
        let report = try await settings.verification.verify(
            OperationsFixture.example("tampered"), asOf: OperationsFixture.asOf, generatedAt: OperationsFixture.asOf)
        let codes = report.prerequisites.first { $0.id == .evidenceIntegrity }!.findings.filter { $0.severity == .error }.map(\.code.rawValue)
        try #require(!codes.isEmpty)
        let waived = WaiverApplier.apply(codes.map { Self.waiver($0, until: "2026-12-31") }, to: report)
        #expect(waived.decision == .notEligible)
        #expect(waived.prerequisites.first { $0.id == .evidenceIntegrity } == report.prerequisites.first { $0.id == .evidenceIntegrity })
    }
}
