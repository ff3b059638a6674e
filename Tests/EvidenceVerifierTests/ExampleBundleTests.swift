import Foundation
import Testing
@testable import EvidenceVerifier

/// The committed examples under `evidence/`, verified with the committed DEMO anchors at the
/// instant they were made for, give the verdicts the README promises.
@Suite struct ExampleBundleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = ISOInstant.parse("2026-04-01T12:00:00Z")!

    func report(_ name: String) async throws -> VerificationReport {
        let trust = Self.repository.appendingPathComponent("certs")
        let verification = try BundleVerification(
            policy: .defaults, signerAnchors: try TrustAnchors.load(.signers, from: trust),
            hscnAnchors: try TrustAnchors.load(.hscn, from: trust), probeEndpoints: false)
        return try await verification.verify(
            Self.repository.appendingPathComponent("evidence/\(name)"), asOf: Self.asOf, generatedAt: Self.asOf)
    }

    static let verdicts: [(String, [PrerequisiteID], [String])] = [
        ("eligible", [], []),
        ("lapsed-training", [.igTraining], ["training.below-threshold", "training.user-untrained"]),
        ("lookalike-domain", [.igTraining, .userAccounts], ["email.domain-not-allowed", "training.user-untrained"]),
        ("no-direct-care", [.directCare], ["direct-care.not-provided"]),
        ("tampered", [.evidenceIntegrity, .igTraining], ["evidence.digest-mismatch", "training.missing"]),
        ("unsigned", [.evidenceIntegrity], ["manifest.unsigned"]),
        ("untrusted-signer", [.evidenceIntegrity], ["signature.untrusted"]),
    ]

    @Test(arguments: verdicts)
    func examples(name: String, failing: [PrerequisiteID], errors: [String]) async throws {
        let report = try await report(name)
        #expect(report.prerequisites.filter { $0.status == .fail }.map(\.id) == failing)
        #expect(report.decision == (failing.isEmpty ? .eligible : .notEligible))
        let errorCodes = Set(report.prerequisites.flatMap(\.findings).filter { $0.severity == .error }.map(\.code.rawValue))
        #expect(errorCodes == Set(errors))
        // Without live probes the HSCN prerequisite is at best a warning.
        #expect(report.prerequisite(.hscn).status == .warn)
        #expect(report.organisation.odsCode == "B86001")
    }

    @Test func eligibleExampleLapsesWithItsDSPTAssessment() async throws {
        let report = try await report("eligible")
        // The 2024-25 assessment stays current until the end of 30 June 2026, Europe/London (BST).
        #expect(report.reverifyBy == ISOInstant.parse("2026-06-30T23:00:00Z"))
    }
}
