import Foundation
import GRDB
import Testing

@testable import PartnerRegistry

@Suite("Recording in the registry")
struct RegistryRecordingTests {
    @Test("A first submission records the organisation as an applicant; the same bytes again are the same submission")
    func recordsSubmission() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        let first = try registry.recordSubmission(odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example)
        #expect(first.isNew)
        #expect(try registry.partner("B86001")?.status == .applicant)
        let again = try registry.recordSubmission(
            odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example.addingTimeInterval(60))
        #expect(!again.isNew)
        #expect(again.submission == first.submission)
        let second = try registry.recordSubmission(
            odsCode: "B86001", name: "Practice", evidence: .example("b"), receivedAt: .example.addingTimeInterval(120))
        #expect(try registry.latestSubmission(odsCode: "B86001") == second.submission)
    }

    @Test("Identical bytes claimed by another organisation are refused, and that organisation is not recorded")
    func refusesSameBytesForAnotherOrganisation() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        _ = try registry.recordSubmission(odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example)
        #expect(throws: RegistryError.self) {
            try registry.recordSubmission(odsCode: "RR8", name: "Trust", evidence: .example("a"), receivedAt: .example)
        }
        #expect(try registry.partner("RR8") == nil)
    }

    @Test("A submission that cannot be recorded leaves no applicant behind (one transaction)")
    func rollsBackPartOfSubmission() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        let malformed = StoredEvidence(sha256: "abc", bytes: 1, relativePath: "x", url: URL(fileURLWithPath: "/x"), isNew: true)
        #expect(throws: RegistryError.self) {
            try registry.recordSubmission(odsCode: "B86001", name: "Practice", evidence: malformed, receivedAt: .example)
        }
        #expect(try registry.partners().isEmpty)
    }

    @Test("Approval sets access and ISA and records who, when and why; the lifecycle refuses other changes")
    func changesStatus() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        _ = try registry.recordSubmission(odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example)
        #expect(throws: RegistryError.invalidTransition(odsCode: "B86001", from: .applicant, to: .suspended)) {
            try registry.changeStatus(odsCode: "B86001", to: .suspended, by: "Chair", reason: "test", at: .example)
        }
        #expect(try registry.decisions(odsCode: "B86001").isEmpty)
        let isa = StoredEvidence.example("c")
        let approved = try registry.changeStatus(
            odsCode: "B86001", to: .approved, access: .write, isa: isa, by: "IG steering group", reason: "ISA signed",
            at: .example.addingTimeInterval(3600))
        #expect(approved.status == .approved && approved.access == .write && approved.isaSha256 == isa.sha256)
        #expect(approved.isaPath == isa.relativePath)
        _ = try registry.changeStatus(odsCode: "B86001", to: .suspended, by: "Chair", reason: "training lapsed", at: .example.addingTimeInterval(7200))
        let decisions = try registry.decisions(odsCode: "B86001")
        #expect(decisions.map(\.action) == [.approved, .suspended])
        #expect(decisions.map(\.by) == ["IG steering group", "Chair"])
        #expect(decisions[1].fromStatus == .approved && decisions[1].toStatus == .suspended && decisions[1].reason == "training lapsed")
        #expect(throws: RegistryError.unknownPartner(odsCode: "X1")) {
            try registry.changeStatus(odsCode: "X1", to: .approved, by: "Chair", reason: "", at: .example)
        }
    }

    @Test("Verifications are recorded with statuses and findings, and read back oldest first")
    func recordsVerifications() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        let submission = try registry.recordSubmission(odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example).submission
        let first = try registry.recordVerification(.example(submissionId: submission.id!, decision: .eligible))
        let second = try registry.recordVerification(.example(submissionId: submission.id!, decision: .notEligible))
        #expect(first.id != nil && second.id != nil)
        #expect(try registry.verifications(odsCode: "B86001") == [first, second])
        #expect(try registry.latestVerification(odsCode: "B86001") == second)
        #expect(try registry.latestVerifications() == ["B86001": second])
        #expect(second.findings.first?.code == "training.expired")
    }

    @Test("A submission and its verification are recorded together")
    func recordsSubmissionWithVerification() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        let recorded = try registry.recordSubmission(
            odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example,
            verification: .example(submissionId: 0, decision: .eligible))
        #expect(recorded.verification?.submissionId == recorded.submission.id)
        #expect(try registry.latestVerification(odsCode: "B86001") == recorded.verification)
    }

    @Test("A verification of a submission that does not exist is refused and records nothing")
    func refusesVerificationOfUnknownSubmission() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        _ = try registry.recordSubmission(odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example)
        #expect(throws: RegistryError.self) { try registry.recordVerification(.example(submissionId: 999, decision: .eligible)) }
        #expect(try registry.verifications(odsCode: "B86001").isEmpty)
    }

    @Test("A waiver applies until its instant, stops by itself then, and stops at once when revoked")
    func waivers() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        _ = try registry.recordSubmission(odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example)
        let until = Date.example.addingTimeInterval(86_400)
        let waiver = try registry.grant(
            Waiver(odsCode: "B86001", findingCode: "dspt.status-not-met", until: until, reason: "improvement plan",
                   approvedBy: "Chair", approvedAt: .example))
        #expect(try registry.waivers(odsCode: "B86001", applyingAt: until.addingTimeInterval(-1)) == [waiver])
        #expect(try registry.waivers(odsCode: "B86001", applyingAt: until).isEmpty)
        #expect(try registry.decisions(odsCode: "B86001").map(\.action) == [.waived])
        _ = try registry.revokeWaiver(id: waiver.id!, by: "Chair", reason: "plan abandoned", at: .example.addingTimeInterval(60))
        #expect(try registry.waivers(odsCode: "B86001", applyingAt: .example.addingTimeInterval(120)).isEmpty)
        #expect(try registry.decisions(odsCode: "B86001").map(\.action) == [.waived, .waiverRevoked])
        #expect(throws: RegistryError.unknownPartner(odsCode: "RR8")) {
            try registry.grant(Waiver(odsCode: "RR8", findingCode: "x", until: until, reason: "", approvedBy: "", approvedAt: .example))
        }
    }

    @Test("A backup is a whole registry of ours, and an existing backup file is never overwritten")
    func backsUp() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        _ = try registry.recordSubmission(odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example)
        let target = scratch.url.appendingPathComponent("backup.sqlite")
        try registry.backup(to: target)
        #expect(try RegistryFileIdentity.inspect(target) == .registry)
        let restored = DataDirectory(scratch.url.appendingPathComponent("restored"))
        try restored.prepare()
        try FileManager.default.copyItem(at: target, to: restored.registryFile)
        #expect(try PartnerRegistry.open(restored).partners().map(\.odsCode) == ["B86001"])
        let before = try Data(contentsOf: target)
        #expect(throws: RegistryError.self) { try registry.backup(to: target) }
        #expect(try Data(contentsOf: target) == before)
    }
}

extension Verification {
    static func example(submissionId: Int64, decision: VerificationDecision) -> Verification {
        Verification(
            submissionId: submissionId, odsCode: "B86001", asOf: .example, level: .offline, decision: decision,
            prerequisites: [PrerequisiteOutcome(id: "ig-training", status: decision == .eligible ? "pass" : "fail")],
            findings: decision == .eligible ? [] : [RecordedFinding(prerequisite: "ig-training", code: "training.expired", severity: "error")],
            reportSha256: String(repeating: "d", count: 64), reportPath: "reports/B86001/B86001-20260401T090000Z.json",
            reverifyBy: .example.addingTimeInterval(86_400 * 30), recordedAt: .example)
    }
}
