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
        // The user-list bundle has no DSPT, training or HSCN evidence: not eligible, exit 1 (exit 0: anEligibleBundleExitsZero).
        #expect(report.decision == .notEligible)
        #expect(result.status == 1)
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

    /// The committed eligible example with its HSCN endpoint served live on 127.0.0.1 (`LiveExample`):
    /// every prerequisite passes, so `check` exits 0.
    @Test(.timeLimit(.minutes(1))) func anEligibleBundleExitsZero() throws {
        let live = try LiveExample()
        defer { live.stop() }
        let result = try live.check(asOf: Self.asOf)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let decisions = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Decision:") }
        #expect(decisions.count == 1)
        #expect(decisions.first?.hasPrefix("Decision: ELIGIBLE") == true, "\(result.stdout)")
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
        (["--as-of", "2026-04-01T12:00:00Zjunk"], "not a full ISO 8601 instant"),
        (["--as-of", "2026-04-01T12:00:00+99:00"], "not a full ISO 8601 instant"),
        (["--as-of", "2026-04-01T12:00:00+24:00"], "not a full ISO 8601 instant"),
        (["--as-of", "2026-02-30T12:00:00Z"], "not a full ISO 8601 instant"),
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

    @Test(arguments: [
        ["report", "verify", "r.json", "--as-of", "2026-04-01T12:00:00Zjunk"],
        ["report", "render", "r.json", "--trust", "certs", "--as-of", "2026-04-01T12:00:00+01:60"],
        ["probe", "https://localhost/", "--as-of", "2026-04-01"],
    ])
    func everyAsOfIsStrict(arguments: [String]) throws {
        expectInputError(try CLI.run(arguments), mentioning: "not a full ISO 8601 instant")
    }

    // MARK: Output that cannot lie

    @Test func anEmailCellWithTerminalEscapesCannotRedrawTheDecision() throws {
        let setup = try Setup(pki: pki)
        var builder = BundleBuilder()
        builder.add("user-accounts", "staff/users.csv", "Email\n\"\u{1B}[2J\u{1B}[H\rDecision: ELIGIBLE\r\n@evil.example\"\n")
        let bundle = try builder.write(in: setup.folder, name: "escapes", signer: pki.signer)
        let result = try setup.check([], bundle: bundle)
        #expect(result.status == 1)
        #expect(!result.stdout.utf8.contains(0x1B) && !result.stdout.utf8.contains(UInt8(ascii: "\r")))
        #expect(result.stdout.contains("\\x1B[2J"))
        let decisions = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Decision:") }
        #expect(decisions.count == 1)
        #expect(decisions.first?.hasPrefix("Decision: NOT ELIGIBLE") == true)
    }

    @Test func stderrLinesShowControlCharactersEscaped() throws {
        let setup = try Setup(pki: pki)
        let result = try setup.check([], bundle: setup.folder.path("no\u{1B}[2Jsuch\nbundle\u{202E}"))
        expectInputError(result, mentioning: "no\\x1B[2Jsuch\\nbundle\\u{202E}")
        #expect(!result.stderr.utf8.contains(0x1B))
    }

    // MARK: stdout that cannot take the output

    @Test func fullDiskOnStdoutIsExitTwoOnOneLine() throws {
        let setup = try Setup(pki: pki)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for format in ["text", "json"] {
            let result = try CLI.run(
                ["check", setup.bundle.path, "--trust", setup.trust.path, "--as-of", Self.asOf, "--no-probe", "--format", format],
                standardOutput: full)
            expectInputError(result, mentioning: "standard output: cannot be written (No space left on device)")
        }
        expectInputError(try CLI.run(["policy", "show"], standardOutput: full), mentioning: "standard output")
    }

    @Test func closedPipeOnStdoutIsExitTwoNotASignal() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try CLI.run(["policy", "show"], standardOutput: pipe.fileHandleForWriting)
        #expect(result.reason == .exit)
        expectInputError(result, mentioning: "standard output: cannot be written (Broken pipe)")
    }

    // MARK: report verify and render read within limits

    func signedReport(_ setup: Setup) throws -> URL {
        let out = setup.folder.path("reports")
        let result = try setup.check(["--report-out", out.path, "--signing-key", setup.key.path, "--signing-cert", setup.certificate.path])
        #expect(result.status == 0 || result.status == 1)
        return out.appendingPathComponent("B86001-20260401T120000Z.json")
    }

    @Test func aSignatureThatIsMissingAFolderAFIFOOrTooLargeIsExitTwoWithoutBlocking() throws {
        let setup = try Setup(pki: pki)
        let report = try signedReport(setup)
        let signature = report.path + ".p7s"
        try FileManager.default.removeItem(atPath: signature)
        let verify = ["report", "verify", report.path, "--trust", setup.trust.path, "--as-of", Self.asOf]
        expectInputError(try CLI.run(verify), mentioning: "B86001-20260401T120000Z.json.p7s: does not exist")
        try FileManager.default.createDirectory(atPath: signature, withIntermediateDirectories: false)
        expectInputError(try CLI.run(verify), mentioning: ".json.p7s: is a folder")
        try FileManager.default.removeItem(atPath: signature)
        #expect(mkfifo(signature, 0o600) == 0)
        expectInputError(try CLI.run(verify), mentioning: ".json.p7s: is not a regular file")
        try FileManager.default.removeItem(atPath: signature)
        try Data(count: (1 << 20) + 1).write(to: URL(fileURLWithPath: signature))
        expectInputError(try CLI.run(verify), mentioning: ".json.p7s: is 1048577 bytes, more than the 1048576 allowed")
    }

    @Test func aHugeReportIsRefusedBeforeItIsRead() throws {
        let setup = try Setup(pki: pki)
        let report = try signedReport(setup)
        // 3 GiB, sparse: reading it whole would trap converting its length to Int32.
        let handle = try FileHandle(forWritingTo: report)
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        expectInputError(
            try CLI.run(["report", "verify", report.path, "--trust", setup.trust.path, "--as-of", Self.asOf]),
            mentioning: "is 3221225472 bytes, more than the 67108864 allowed")
        expectInputError(try CLI.run(["report", "render", report.path]), mentioning: "more than the 67108864 allowed")
    }

    @Test func reportVerifyAndRenderOfAFIFOIsExitTwoWithoutBlocking() throws {
        let setup = try Setup(pki: pki)
        let fifo = setup.folder.path("report.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        expectInputError(try CLI.run(["report", "render", fifo]), mentioning: "report.json: is not a regular file")
        expectInputError(try CLI.run(["report", "verify", fifo, "--trust", setup.trust.path]), mentioning: "report.json: is not a regular file")
    }

    // MARK: reports never overwrite anything and leave nothing half-written

    @Test func aFolderAtTheReportsNameGetsTheNextNameAndNoOrphanSignature() throws {
        let setup = try Setup(pki: pki)
        let out = setup.folder.path("reports")
        let taken = out.appendingPathComponent("B86001-20260401T120000Z.json")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        let result = try setup.check(["--report-out", out.path, "--signing-key", setup.key.path, "--signing-cert", setup.certificate.path])
        #expect(result.status == 0 || result.status == 1)
        #expect(result.stderr.contains("B86001-20260401T120000Z-2.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
            "B86001-20260401T120000Z-2.json", "B86001-20260401T120000Z-2.json.p7s", "B86001-20260401T120000Z.json",
        ])
        let verified = try CLI.run(["report", "verify", out.appendingPathComponent("B86001-20260401T120000Z-2.json").path,
                                    "--trust", setup.trust.path, "--as-of", Self.asOf])
        #expect(verified.status == 0)
    }
}
