import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// The `lcr-verify` executable as a user meets it: exit codes 0/1/2, one clear line for a 2, nothing half-written.
@Suite struct CommandLineTests {
    let pki = sharedPKI
    static let asOf = "2026-04-01T12:00:00Z"

    struct Setup {
        let folder = TestFolder()
        let trust: URL
        let bundle: URL
        let key: URL
        let certificate: URL

        init(pki: TestPKI) throws {
            trust = try pki.writeTrustDirectory(in: folder.url)
            bundle = try BundleBuilder.withUserList().write(in: folder, signer: pki.signer)
            key = try folder.write(pki.reportSigner.key.pem, to: "report.key.pem")
            certificate = try folder.write(pki.reportSigner.certificate.pemString, to: "report.pem")
        }

        func check(_ extra: [String], bundle: URL? = nil) throws -> CLI.Result {
            try CLI.run(["check", (bundle ?? self.bundle).path, "--trust", trust.path, "--as-of", CommandLineTests.asOf, "--no-probe"] + extra)
        }
    }

    func expectInputError(_ result: CLI.Result, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func exitCodeFollowsTheDecision() throws {
        let setup = try Setup(pki: pki)
        let result = try setup.check(["--format", "json"])
        let report = try ReportCoding.decode(Data(result.stdout.utf8), file: "stdout")
        #expect(result.status == (report.decision == .eligible ? 0 : 1))
        #expect(report.prerequisite(.evidenceIntegrity).status == .pass)
        #expect(report.asOf == ISOInstant.parse(Self.asOf))
    }

    @Test func tamperedBundleIsNotEligible() throws {
        let setup = try Setup(pki: pki)
        try Data("Email\nintruder@nhs.net\n".utf8).write(to: setup.bundle.appendingPathComponent("staff/users.csv"))
        let result = try setup.check([])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Decision: NOT ELIGIBLE"))
        #expect(result.stdout.contains("evidence.digest-mismatch"))
    }

    @Test func signedReportIsWrittenAndVerifies() throws {
        let setup = try Setup(pki: pki)
        let out = setup.folder.path("reports")
        let result = try setup.check(["--report-out", out.path, "--signing-key", setup.key.path, "--signing-cert", setup.certificate.path])
        #expect(result.status == 0 || result.status == 1)
        let report = out.appendingPathComponent("B86001-20260401T120000Z.json")
        #expect(FileManager.default.fileExists(atPath: report.path + ".p7s"))
        let verified = try CLI.run(["report", "verify", report.path, "--trust", setup.trust.path, "--as-of", Self.asOf])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        var bytes = try Data(contentsOf: report)
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: report)
        let tampered = try CLI.run(["report", "verify", report.path, "--trust", setup.trust.path, "--as-of", Self.asOf])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("signature.invalid"))
    }

    @Test func reportOutWithoutAKeyIsRefusedAndWritesNothing() throws {
        let setup = try Setup(pki: pki)
        let out = setup.folder.path("reports")
        expectInputError(try setup.check(["--report-out", out.path]), mentioning: "--signing-key")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func mismatchedSigningPairIsRefusedAndWritesNothing() throws {
        let setup = try Setup(pki: pki)
        let out = setup.folder.path("reports")
        let wrongKey = try setup.folder.write(pki.signer.key.pem, to: "wrong.key.pem")
        let result = try setup.check(["--report-out", out.path, "--signing-key", wrongKey.path, "--signing-cert", setup.certificate.path])
        expectInputError(result, mentioning: "does not match")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func missingBundleIsExitTwo() throws {
        let setup = try Setup(pki: pki)
        expectInputError(try setup.check([], bundle: setup.folder.path("nope")), mentioning: "no such bundle")
    }

    @Test func hostileZipIsExitTwo() throws {
        let setup = try Setup(pki: pki)
        let zip = setup.folder.path("evil.zip")
        try ZipWriter.write([.file("../../evil.txt", Data("x".utf8))], to: zip)
        expectInputError(try setup.check([], bundle: zip), mentioning: "climbs out of the bundle")
    }

    @Test(arguments: [
        (["--as-of", "yesterday"], "--as-of"),
        (["--format", "yaml"], "yaml"),
        (["--bogus"], "--bogus"),
        (["--signing-key", "k.pem"], "--signing-cert"),
    ])
    func usageErrorsAreExitTwoOnOneLine(arguments: [String], mentioning: String) throws {
        let setup = try Setup(pki: pki)
        expectInputError(try setup.check(arguments), mentioning: mentioning)
    }

    @Test func missingTrustFolderIsExitTwo() throws {
        let setup = try Setup(pki: pki)
        let result = try CLI.run(["check", setup.bundle.path, "--trust", setup.folder.path("no-trust").path, "--as-of", Self.asOf])
        expectInputError(result, mentioning: "trust anchors")
    }

    @Test func reportVerifyWithoutTheSignatureIsExitTwo() throws {
        let setup = try Setup(pki: pki)
        let report = try setup.folder.write("{}", to: "lonely.json")
        expectInputError(try CLI.run(["report", "verify", report.path, "--trust", setup.trust.path]), mentioning: "lonely.json.p7s")
    }

    @Test func policyShowPrintsTheEffectivePolicyAndAFileChangesTheReport() throws {
        let setup = try Setup(pki: pki)
        let shown = try CLI.run(["policy", "show"])
        #expect(shown.status == 0)
        let decoded = try JSONDecoder().decode(Policy.self, from: Data(shown.stdout.utf8))
        #expect(decoded == Policy.defaults)

        let file = try setup.folder.write(#"{"training": {"minimumCompletionPercent": 80}}"#, to: "policy.json")
        let merged = try JSONDecoder().decode(Policy.self, from: Data(try CLI.run(["policy", "show", "--policy", file.path]).stdout.utf8))
        #expect(merged.training.minimumCompletionPercent == 80)
        #expect(merged.dspt == Policy.defaults.dspt)

        let report = try ReportCoding.decode(Data(try setup.check(["--format", "json", "--policy", file.path]).stdout.utf8), file: "stdout")
        #expect(report.policySha256 == merged.sha256)
        #expect(report.policySha256 != Policy.defaults.sha256)
    }

    @Test func badPolicyFileIsExitTwoNamingTheKey() throws {
        let setup = try Setup(pki: pki)
        let file = try setup.folder.write(#"{"training": {"validityDays": "a year"}}"#, to: "policy.json")
        expectInputError(try setup.check(["--policy", file.path]), mentioning: "training.validityDays")
    }
}
