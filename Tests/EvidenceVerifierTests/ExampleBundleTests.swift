import Foundation
import Testing
@testable import EvidenceVerifier

/// The committed examples under `evidence/`, verified with the committed DEMO anchors at the
/// instant they were made for, give the verdicts the README promises.
@Suite struct ExampleBundleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = ISOInstant.parse("2026-04-01T12:00:00Z")!

    func report(_ name: String, references: ReferenceLists = .none) async throws -> VerificationReport {
        let trust = Self.repository.appendingPathComponent("certs")
        let bundle = try EvidenceBundleReader().read(Self.repository.appendingPathComponent("evidence/\(name)"))
        let context = try testContext(
            bundle, asOf: Self.asOf, anchors: try TrustAnchors.load(.signers, from: trust),
            hscnAnchors: try TrustAnchors.load(.hscn, from: trust), references: references)
        return await Verifier().verify(context, generatedAt: Self.asOf)
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

    /// The applicants' worlds: a GP practice's e-LfH export, a trust's ESR competence report keyed by
    /// assignment number (no e-mail column), a care home's social-care training; each eligible alone and
    /// against the committed reference lists (the national DSPT list and the three ODS files).
    static let worlds: [(String, String, String)] = [
        ("gp-practice", "B86007", "(people identified by email address)"),
        ("trust-esr", "RR8", "(people identified by staff ID, matched to LCR users through the user list's Staff ID)"),
        ("care-home", "VT8H1", "(people identified by email address)"),
    ]

    @Test(arguments: worlds)
    func eachWorldsExampleIsEligible(name: String, odsCode: String, personKey: String) async throws {
        for references in [ReferenceLists.none, try ReferenceListTests.all()] {
            let report = try await report(name, references: references)
            #expect(report.organisation.odsCode == odsCode)
            #expect(report.decision == .eligible)
            let codes = report.prerequisites.flatMap(\.findings).filter { $0.severity != .info }.map(\.code.rawValue)
            #expect(codes == ["endpoints.not-probed"], "\(name)")
            #expect(report.prerequisite(.igTraining).summary.contains(personKey))
            #expect(report.references?.count == (references.dspt == nil ? nil : 4))
            #expect(report.reverifyBy == ISOInstant.parse("2026-06-30T23:00:00Z"))
        }
    }

    @Test func theTrustExampleIsAnESRExportWithoutAnEmailColumn() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("evidence/trust-esr/training/ig-training.csv"), encoding: .utf8)
        let header = text.split(whereSeparator: \.isNewline).first
        #expect(header == "Assignment Number,Full Name,Position Title,Competency Name,Date Last Awarded,Expiry Date")
        #expect(text.contains("NHS|CSTF|Information Governance and Data Security - 1 Year|,2025/12/02 00:00:00,"))
        #expect(text.contains(",No expiry"))
    }

    @Test func eligibleExampleLapsesWithItsDSPTAssessment() async throws {
        let report = try await report("eligible")
        // The 2024-25 assessment stays current until the end of 30 June 2026, Europe/London (BST).
        #expect(report.reverifyBy == ISOInstant.parse("2026-06-30T23:00:00Z"))
    }
}
