import Foundation
import Testing
@testable import EvidenceVerifier

/// `lcr-verify bundle init|add|seal|pack` as an applicant runs them: the built executable, the committed
/// DEMO keys and anchors, the raw files of the committed eligible example, real OpenSSL, a fixed instant.
@Suite struct BundleCommandTests {
    static let asOf = "2026-04-01T12:00:00Z"
    static let certs = ExampleBundleTests.repository.appendingPathComponent("certs")
    static let examples = ExampleBundleTests.repository.appendingPathComponent("evidence")

    /// The eligible example's raw files: the file, its kind and any extra `bundle add` arguments.
    static let eligibleFiles: [(String, String, [String])] = [
        ("dspt/assessment.csv", "dspt-assessment", []),
        ("training/ig-training.csv", "training-records", []),
        ("staff/lcr-users.csv", "user-accounts", []),
        ("hscn/gateway.pem", "hscn-certificate", []),
        ("hscn/agreement.pdf", "hscn-agreement", ["--signature", examples.appendingPathComponent("eligible/hscn/agreement.pdf.p7s").path]),
    ]

    static func initArguments(_ bundle: URL) -> [String] {
        ["bundle", "init", bundle.path, "--ods", "B86001", "--name", "Example Medical Practice", "--staff-count", "42",
         "--access", "read-only", "--service", "general practice", "--endpoint", "https://localhost:8443/",
         "--contact-name", "A Manager", "--contact-email", "a.manager@nhs.net"]
    }

    /// `bundle init` then `bundle add` of every raw file of the eligible example (`users` replaces its user list).
    static func assemble(in folder: TestFolder, users: URL? = nil) throws -> URL {
        let bundle = folder.path("bundle")
        try expectSuccess(CLI.run(initArguments(bundle)))
        for (file, kind, extra) in eligibleFiles {
            let source = file == "staff/lcr-users.csv" && users != nil ? users! : examples.appendingPathComponent("eligible/\(file)")
            try expectSuccess(CLI.run(["bundle", "add", bundle.path, source.path, "--kind", kind] + extra))
        }
        return bundle
    }

    static func seal(_ bundle: URL, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run([
            "bundle", "seal", bundle.path,
            "--signing-key", certs.appendingPathComponent("demo/applicant-signer.key.pem").path,
            "--signing-cert", certs.appendingPathComponent("demo/applicant-signer.pem").path,
            "--trust", certs.path, "--as-of", asOf,
        ] + extra)
    }

    /// `check --no-probe` at the fixed instant, its JSON report decoded.
    static func check(_ bundle: URL) throws -> (CLI.Result, VerificationReport) {
        let result = try CLI.run(["check", bundle.path, "--no-probe", "--as-of", asOf, "--trust", certs.path, "--format", "json"])
        return (result, try ReportCoding.decode(Data(result.stdout.utf8), file: "stdout"))
    }

    static func expectSuccess(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// Exit 2 with one stderr line that mentions `text`.
    static func expectRefusal(_ result: CLI.Result, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// Every file below `folder` with its bytes, to show that a refused command changed nothing.
    static func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    // MARK: - Round trip

    @Test func initAddSealThenCheckIsEligible() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        let sealed = try Self.seal(bundle)
        Self.expectSuccess(sealed)
        #expect(sealed.stdout.contains("Lint decision: ELIGIBLE"))
        #expect(sealed.stdout.contains("endpoints.not-probed"))
        let (result, report) = try Self.check(bundle)
        #expect(result.status == 0)
        #expect(report.decision == .eligible)
        #expect(report.prerequisite(.evidenceIntegrity).status == .pass)
        #expect(report.evidence.map(\.path) == Self.eligibleFiles.map(\.0))
        #expect(report.bundle.signer?.subject.contains("DEMO Responsible Officer") == true)
        // The files were copied byte for byte under their kinds' folders.
        for (file, _, _) in Self.eligibleFiles {
            #expect(try Data(contentsOf: bundle.appendingPathComponent(file)) == Data(contentsOf: Self.examples.appendingPathComponent("eligible/\(file)")))
        }
        #expect(FileManager.default.fileExists(atPath: bundle.appendingPathComponent("hscn/agreement.pdf.p7s").path))
    }

    @Test func aSealedManifestVerifiesWithPlainOpenSSL() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        Self.expectSuccess(try Self.seal(bundle))
        let status = try OpenSSLCommand.run([
            "cms", "-verify", "-binary", "-inform", "DER",
            "-content", bundle.appendingPathComponent("manifest.json").path,
            "-in", bundle.appendingPathComponent("manifest.json.p7s").path,
            "-CAfile", Self.certs.appendingPathComponent("signers/demo-evidence-root.pem").path,
            "-purpose", "any", "-attime", "1775044800", "-out", "/dev/null",
        ])
        #expect(status == 0)
    }

    @Test func sealingTwiceWritesTheSameManifestBytes() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        Self.expectSuccess(try Self.seal(bundle))
        let first = try Data(contentsOf: bundle.appendingPathComponent("manifest.json"))
        Self.expectSuccess(try Self.seal(bundle))
        #expect(try Data(contentsOf: bundle.appendingPathComponent("manifest.json")) == first)
        // The canonical layout: sorted keys, two-space indentation, a trailing newline.
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"contact\": {\n    \"email\": \"a.manager@nhs.net\",\n"))
        #expect(text.hasSuffix("\n}\n"))
    }

    @Test func sealRecomputesTheDigestOfAFileChangedAfterItWasAdded() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        let users = bundle.appendingPathComponent("staff/lcr-users.csv")
        try (Data(contentsOf: users) + Data("staff3@nhs.net,Staff Member 3,Receptionist,read-only\n".utf8)).write(to: users)
        #expect(try Self.check(bundle).1.prerequisite(.evidenceIntegrity).status == .fail)
        Self.expectSuccess(try Self.seal(bundle))
        let (result, report) = try Self.check(bundle)
        #expect(result.status == 0)
        #expect(report.prerequisite(.evidenceIntegrity).status == .pass)
        let manifest = try #require(try? ManifestParser.parse(Data(contentsOf: bundle.appendingPathComponent("manifest.json"))).get())
        #expect(manifest.evidence[2].sha256 == SHA256Digest.hex(of: try Data(contentsOf: users)))
    }

    // MARK: - Seal's lint

    /// A bundle whose user list has a look-alike address: not eligible.
    static func failingBundle(in folder: TestFolder) throws -> URL {
        try assemble(in: folder, users: examples.appendingPathComponent("lookalike-domain/staff/lcr-users.csv"))
    }

    @Test func sealPrintsWhatCheckWouldFailAndStillSignsWithoutStrict() throws {
        let folder = TestFolder()
        let bundle = try Self.failingBundle(in: folder)
        let sealed = try Self.seal(bundle)
        #expect(sealed.status == 0)
        #expect(sealed.stdout.contains("Sealed:"))
        #expect(sealed.stdout.contains("Lint decision: NOT ELIGIBLE"))
        let (result, report) = try Self.check(bundle)
        #expect(result.status == 1)
        #expect(report.prerequisite(.evidenceIntegrity).status == .pass)
        let findings = report.prerequisites.flatMap(\.findings).filter { $0.severity != .info }
        #expect(Set(findings.filter { $0.severity == .error }.map(\.code.rawValue)) == ["email.domain-not-allowed", "training.user-untrained"])
        for finding in findings {
            #expect(sealed.stdout.contains("\(finding.code.rawValue): \(finding.message)"), "\(finding.code)")
        }
    }

    @Test func strictSealOfAFailingBundleWritesNothing() throws {
        let folder = TestFolder()
        let bundle = try Self.failingBundle(in: folder)
        // A change after `add`, so a seal would rewrite the manifest's digest.
        let users = bundle.appendingPathComponent("staff/lcr-users.csv")
        try (Data(contentsOf: users) + Data("staff4@nhs.net,Staff Member 4,GP,read-only\n".utf8)).write(to: users)
        let before = try Self.contents(bundle)
        let refused = try Self.seal(bundle, ["--strict"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("NOT sealed"))
        #expect(refused.stdout.contains("email.domain-not-allowed"))
        #expect(!FileManager.default.fileExists(atPath: bundle.appendingPathComponent("manifest.json.p7s").path))
        #expect(try Self.contents(bundle) == before)
    }

    @Test func strictSealOfAnEligibleBundleSigns() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        Self.expectSuccess(try Self.seal(bundle, ["--strict"]))
        #expect(try Self.check(bundle).0.status == 0)
    }

    @Test func sealRefusesAListedFileThatIsMissingAndWritesNothing() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        try FileManager.default.removeItem(at: bundle.appendingPathComponent("dspt/assessment.csv"))
        let before = try Self.contents(bundle)
        Self.expectRefusal(try Self.seal(bundle), mentioning: "dspt/assessment.csv")
        #expect(try Self.contents(bundle) == before)
    }

    @Test func sealRefusesASignatureNameHeldByAFolderBeforeWritingAnything() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        let users = bundle.appendingPathComponent("staff/lcr-users.csv")
        try (Data(contentsOf: users) + Data("staff4@nhs.net,Staff Member 4,GP,read-only\n".utf8)).write(to: users)
        try FileManager.default.createDirectory(at: bundle.appendingPathComponent("manifest.json.p7s"), withIntermediateDirectories: false)
        let before = try Self.contents(bundle)
        Self.expectRefusal(try Self.seal(bundle), mentioning: "manifest.json.p7s")
        #expect(try Self.contents(bundle) == before)
    }

    @Test func aBundleBeingChangedByAnotherCommandIsRefused() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        let descriptor = open(bundle.path, O_RDONLY | O_DIRECTORY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let before = try Self.contents(bundle)
        let training = Self.examples.appendingPathComponent("eligible/training/ig-training.csv").path
        Self.expectRefusal(try CLI.run(["bundle", "add", bundle.path, training, "--kind", "other"]), mentioning: "another lcr-verify bundle command")
        Self.expectRefusal(try Self.seal(bundle), mentioning: "another lcr-verify bundle command")
        #expect(try Self.contents(bundle) == before)
    }

    // MARK: - Add refusals

    @Test func addRefusesWhatItMustAndChangesNothing() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        let before = try Self.contents(bundle)
        let training = Self.examples.appendingPathComponent("eligible/training/ig-training.csv").path
        let policy = try folder.write(#"{"evidence": {"maximumFileBytes": 1000}}"#, to: "small.json")
        let fifo = folder.path("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let refusals: [([String], String)] = [
            ([training, "--kind", "passport"], "not an evidence kind"),
            ([training, "--kind", "other", "--policy", policy.path], "evidence.maximumFileBytes"),
            ([training, "--kind", "other", "--as", "../escape.csv"], "not a plain file name"),
            ([training, "--kind", "other", "--as", "nested/escape.csv"], "not a plain file name"),
            ([training, "--kind", "other", "--as", ".."], "not a plain file name"),
            ([fifo, "--kind", "other"], "not a regular file"),
            ([folder.url.path, "--kind", "other"], "is a folder"),
            ([training, "--kind", "training-records"], "already listed"),
            ([training, "--kind", "other", "--signature", fifo], "not a regular file"),
        ]
        for (arguments, text) in refusals {
            Self.expectRefusal(try CLI.run(["bundle", "add", bundle.path] + arguments), mentioning: text)
        }
        #expect(try Self.contents(bundle) == before)
        #expect(!FileManager.default.fileExists(atPath: bundle.appendingPathComponent("other").path + "/ig-training.csv"))
    }

    @Test func addRefusesAFolderWithoutAManifest() throws {
        let folder = TestFolder()
        try FileManager.default.createDirectory(at: folder.path("empty"), withIntermediateDirectories: true)
        let training = Self.examples.appendingPathComponent("eligible/training/ig-training.csv").path
        Self.expectRefusal(try CLI.run(["bundle", "add", folder.path("empty").path, training, "--kind", "training-records"]), mentioning: "bundle init")
        #expect(try Self.contents(folder.path("empty")).isEmpty)
    }

    // MARK: - Init refusals

    @Test func initRefusesBadDeclarationsAndNonEmptyFolders() throws {
        let folder = TestFolder()
        let base = Self.initArguments(folder.path("new"))
        func replacing(_ option: String, with value: String) -> [String] {
            var arguments = base
            arguments[arguments.firstIndex(of: option)! + 1] = value
            return arguments
        }
        let refusals: [([String], String)] = [
            (replacing("--ods", with: "B86-001"), "not an ODS code"),
            (replacing("--staff-count", with: "0"), "--staff-count"),
            (replacing("--staff-count", with: "10000001"), "--staff-count"),
            (replacing("--endpoint", with: "http://gateway.example.nhs.uk/"), "only https"),
            (replacing("--contact-email", with: "a.manager@"), "--contact-email"),
            (replacing("--access", with: "admin"), "read-only or write"),
            (replacing("--name", with: "  "), "--name"),
        ]
        for (arguments, text) in refusals {
            Self.expectRefusal(try CLI.run(arguments), mentioning: text)
            #expect(!FileManager.default.fileExists(atPath: folder.path("new/manifest.json").path))
        }
        try folder.write("notes", to: "used/notes.txt")
        Self.expectRefusal(try CLI.run(Self.initArguments(folder.path("used"))), mentioning: "not empty")
        #expect(try Self.contents(folder.path("used")).keys.sorted() == ["/notes.txt"])
        Self.expectSuccess(try CLI.run(base))
        Self.expectRefusal(try CLI.run(base), mentioning: "not empty")
    }

    // MARK: - Pack

    @Test func packingTwiceGivesTheSameZipAndTheZipChecksLikeTheFolder() throws {
        let folder = TestFolder()
        let bundle = try Self.assemble(in: folder)
        Self.expectSuccess(try Self.seal(bundle))
        Self.expectSuccess(try CLI.run(["bundle", "pack", bundle.path, "--out", folder.path("one.zip").path]))
        Self.expectSuccess(try CLI.run(["bundle", "pack", bundle.path, "--out", folder.path("two.zip").path]))
        let zip = try Data(contentsOf: folder.path("one.zip"))
        #expect(try Data(contentsOf: folder.path("two.zip")) == zip)

        let (folderResult, folderReport) = try Self.check(bundle)
        let (zipResult, checkedZip) = try Self.check(folder.path("one.zip"))
        var zipReport = checkedZip
        #expect(folderResult.status == 0 && zipResult.status == folderResult.status)
        zipReport.generatedAt = folderReport.generatedAt
        #expect(zipReport == folderReport)

        Self.expectRefusal(try CLI.run(["bundle", "pack", bundle.path, "--out", folder.path("one.zip").path]), mentioning: "already exists")
        #expect(try Data(contentsOf: folder.path("one.zip")) == zip)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".partial") }.isEmpty)
    }

    // MARK: - The canonical manifest

    @Test func theManifestWriterEscapesOnlyWhatJSONRequiresAndReadsBack() throws {
        var manifest = try BundleDeclaration(
            odsCode: "B86001", name: "St Mary's \"Practice\" / Leeds \\ Café", staffCount: 3, access: .write,
            services: ["general practice"], endpoints: ["https://gateway.example.nhs.uk/"]).manifest()
        let empty = String(decoding: try ManifestWriter.encode(manifest), as: UTF8.self)
        #expect(empty.contains("\n  \"evidence\": [],\n"))
        #expect(!empty.contains("contact"))
        #expect(empty.contains(#""name": "St Mary's \"Practice\" / Leeds \\ Café","#))
        manifest.organisation.name = "Tab\there"
        let tabbed = try ManifestWriter.encode(manifest)
        #expect(String(decoding: tabbed, as: UTF8.self).contains(#""name": "Tab\there""#))
        #expect(try ManifestParser.parse(tabbed).get() == manifest)
    }
}
