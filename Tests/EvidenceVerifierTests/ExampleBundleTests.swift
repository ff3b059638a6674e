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
        let bundle = try EvidenceBundleReader().read(Self.repository.appendingPathComponent("evidence/\(name)"))
        let context = VerificationContext(
            bundle: bundle, asOf: Self.asOf, policy: .defaults,
            signerAnchors: try TrustAnchors.load(.signers, from: trust),
            hscnAnchors: try TrustAnchors.load(.hscn, from: trust), probeEndpoints: false)
        return await Verifier().verify(context, generatedAt: Self.asOf)
    }

    @Test(arguments: [
        ("eligible", PrerequisiteStatus.pass, PrerequisiteStatus.pass, [String]()),
        ("lookalike-domain", .pass, .pass, []),
        ("lapsed-training", .pass, .pass, []),
        ("tampered", .fail, .pass, ["evidence.digest-mismatch"]),
        ("unsigned", .fail, .pass, ["manifest.unsigned"]),
        ("untrusted-signer", .fail, .pass, ["signature.untrusted"]),
        ("no-direct-care", .pass, .fail, []),
    ])
    func examples(name: String, integrity: PrerequisiteStatus, directCare: PrerequisiteStatus, integrityErrors: [String]) async throws {
        let report = try await report(name)
        #expect(report.prerequisite(.evidenceIntegrity).status == integrity)
        #expect(report.prerequisite(.directCare).status == directCare)
        let errors = report.prerequisite(.evidenceIntegrity).findings.filter { $0.severity == .error }.map(\.code.rawValue)
        #expect(Set(errors) == Set(integrityErrors))
        #expect(report.organisation.odsCode == "B86001")
    }
}
