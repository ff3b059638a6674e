import EvidenceVerifier
import Foundation
import Testing

@testable import PartnerOperations
@testable import PartnerRegistry

@Suite("Submission intake")
struct SubmissionIntakeTests {
    @Test("A folder is packed, stored, recorded and its stored copy verified; the same folder as a packed zip is the same submission")
    func folderAndItsZipAreOneSubmission() async throws {
        let fixture = try OperationsFixture()
        let first = try await fixture.submit(OperationsFixture.example("eligible"))
        #expect(first.recorded.isNew)
        #expect(first.verified.report.decision == .eligible)
        #expect(first.recorded.verification?.submissionId == first.recorded.submission.id)
        #expect(try fixture.registry.partner("B86001")?.status == .applicant)
        let zip = fixture.folder.appendingPathComponent("bundle.zip")
        _ = try BundlePacker().pack(folder: OperationsFixture.example("eligible"), to: zip)
        let second = try await fixture.submit(zip)
        #expect(!second.recorded.isNew)
        #expect(second.recorded.submission == first.recorded.submission)
        #expect(second.stored.sha256 == SHA256Digest.hex(of: try Data(contentsOf: zip)))
        #expect(try fixture.registry.verifications(odsCode: "B86001").count == 2)
        #expect(fixture.files().filter { $0.hasPrefix("reports/") } == [
            "reports/B86001/B86001-20260401T120000Z-2.json", "reports/B86001/B86001-20260401T120000Z-2.json.p7s",
            "reports/B86001/B86001-20260401T120000Z.json", "reports/B86001/B86001-20260401T120000Z.json.p7s",
        ])
        #expect(fixture.files().filter { $0.hasPrefix("incoming/") }.isEmpty)
    }

    @Test("The stored copy is what is verified later, not the applicant's folder")
    func verifiesStoredCopy() async throws {
        let fixture = try OperationsFixture()
        let bundle = try fixture.bundle("eligible", as: "B86001")
        _ = try await fixture.submit(bundle)
        try Data("Email\nintruder@example.com\n".utf8).write(to: bundle.appendingPathComponent("staff/lcr-users.csv"))
        let partner = try #require(try fixture.registry.partner("B86001"))
        let results = await Reverifier(registry: fixture.registry, settings: try OperationsFixture.settings())
            .run([partner], asOf: OperationsFixture.asOf, noticeDays: 30, recordedAt: { OperationsFixture.asOf })
        #expect(results.map(\.decision) == ["eligible"])
        #expect(results[0].changes.isEmpty)
    }

    @Test("While intake is paused a new organisation is refused with the policy's message and nothing is stored; a partner resubmits")
    func pausedIntake() async throws {
        let fixture = try OperationsFixture()
        _ = try await fixture.submit(OperationsFixture.example("eligible"))
        _ = try fixture.registry.changeStatus(odsCode: "B86001", to: .approved, access: .readOnly, by: "Chair", reason: "ISA", at: OperationsFixture.asOf)
        var policy = Policy.defaults
        policy.intake.acceptingNewApplications = false
        policy.intake.pausedMessage = "Intake paused during the ICB transition."
        let before = fixture.files()
        let newcomer = try fixture.bundle("eligible", as: "RR8")
        await #expect(throws: SubmissionRefusal(.intakePaused, subject: newcomer.path, problem: "RR8: Intake paused during the ICB transition.")) {
            try await fixture.submit(newcomer, policy: policy)
        }
        #expect(fixture.files() == before)
        #expect(try fixture.registry.partner("RR8") == nil)
        let resubmitted = try await fixture.submit(try fixture.bundle("lapsed-training", as: "B86001"), policy: policy)
        #expect(resubmitted.recorded.isNew)
    }

    @Test("A bundle without a manifest is refused and nothing is stored")
    func refusesBundleWithoutManifest() async throws {
        let fixture = try OperationsFixture()
        let empty = fixture.folder.appendingPathComponent("empty", isDirectory: true)
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: empty.appendingPathComponent("notes.txt"))
        await #expect(throws: InputError.self) { try await fixture.submit(empty) }
        #expect(fixture.files() == ["registry.sqlite"] || fixture.files().allSatisfy { $0.hasPrefix("registry.sqlite") })
    }

    @Test("A file that is not a bundle is refused naming the submitted path (not the private copy), and nothing is stored")
    func refusesNonBundleByItsOwnName() async throws {
        let fixture = try OperationsFixture()
        let file = fixture.folder.appendingPathComponent("notes.txt")
        try Data("not a zip".utf8).write(to: file)
        await #expect(throws: InputError(file.path, "is neither a folder nor a .zip bundle")) { try await fixture.submit(file) }
        #expect(fixture.files().allSatisfy { $0.hasPrefix("registry.sqlite") })
    }

    @Test("A stored bundle that no longer has its SHA-256 is reported, and no verification is recorded for it")
    func damagedStore() async throws {
        let fixture = try OperationsFixture()
        let outcome = try await fixture.submit(OperationsFixture.example("eligible"))
        let stored = outcome.stored.url
        chmod(stored.path, 0o644)
        let handle = try FileHandle(forWritingTo: stored)
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data("X".utf8))
        try handle.close()
        let partner = try #require(try fixture.registry.partner("B86001"))
        let results = await Reverifier(registry: fixture.registry, settings: try OperationsFixture.settings())
            .run([partner], asOf: OperationsFixture.asOf, noticeDays: 30, recordedAt: { OperationsFixture.asOf })
        #expect(results[0].decision == nil)
        #expect(results[0].error?.contains("no longer has the SHA-256 it was stored under") == true)
        #expect(try fixture.registry.verifications(odsCode: "B86001").count == 1)
    }
}
