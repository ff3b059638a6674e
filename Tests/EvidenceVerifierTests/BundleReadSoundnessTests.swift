import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// The bytes judged are the bytes signed: every listed file is read once, from inside the bundle (into
/// memory, as a stream hashed while it is parsed, or into a private copy); paths are exact bytes; a manifest that decoders could read two ways is invalid.
@Suite struct BundleReadSoundnessTests {
    let pki = sharedPKI
    static let users = "Email\na.manager@nhs.net\n"

    func signedBundle(in folder: TestFolder, _ extra: (inout BundleBuilder) throws -> Void = { _ in }) throws -> URL {
        var builder = BundleBuilder.withUserList()
        try extra(&builder)
        return try builder.write(in: folder, signer: pki.signer)
    }

    @Test func checksParseTheBytesReadOnceNotTheOriginalPath() async throws {
        let folder = TestFolder()
        let root = try signedBundle(in: folder)
        let bundle = try EvidenceBundleReader().read(root)
        let file = try #require(bundle.files.first)
        #expect(file.isIntact)
        guard case .memory(let held) = file.content else {
            Issue.record("a small file is held in memory as it was read and hashed")
            return
        }
        // Swap the original after it was hashed: what the checks read is still what was hashed.
        try Data("Email\nattacker@gmail.com\n".utf8).write(to: root.appendingPathComponent("staff/users.csv"))
        #expect(held == Data(Self.users.utf8))
        let context = try testContext(bundle, anchors: [pki.root.certificate])
        let report = await Verifier(checks: [EvidenceIntegrityCheck(), UserAccountsCheck()]).verify(context, generatedAt: TestPKI.asOf)
        #expect(report.prerequisite(.userAccounts).status == .pass)
        #expect(!report.codes(.userAccounts).contains("email.domain-not-allowed"))
    }

    /// A user list larger than `EvidenceBytes.memoryLimit`: `count` distinct nhs.net rows.
    static func largeUserList(rows count: Int = 250_000) -> Data {
        var text = "Email\n"
        for index in 0..<count { text += "user.\(index)@nhs.net\n" }
        return Data(text.utf8)
    }

    @Test func largeFileIsStreamedOnceAndHashedAsItIsParsed() async throws {
        let folder = TestFolder()
        let list = Self.largeUserList()
        #expect(Int64(list.count) > EvidenceBytes.memoryLimit)
        var builder = BundleBuilder()
        builder.add(.userAccounts, "staff/users.csv", list)
        let root = try builder.write(in: folder, signer: pki.signer)
        let bundle = try EvidenceBundleReader().read(root)
        let file = try #require(bundle.files.first)
        guard case .stream = file.content, case .unread(let bytes) = file.state else {
            Issue.record("a large user list is held open to be streamed, not copied or held in memory")
            return
        }
        #expect(bytes == Int64(list.count))
        let context = try testContext(bundle, anchors: [pki.root.certificate])
        #expect(context.bundle.files.first?.isIntact == true, "settled from the SHA-256 measured while it was parsed")
        let report = await Verifier(checks: [EvidenceIntegrityCheck(), UserAccountsCheck()]).verify(context, generatedAt: TestPKI.asOf)
        #expect(report.prerequisite(.evidenceIntegrity).status == .pass)
        #expect(report.prerequisite(.userAccounts).status == .pass)
        #expect(report.prerequisite(.userAccounts).summary.hasPrefix("250000 LCR user accounts"))
    }

    @Test func largeFileChangedInPlaceBeforeItIsStreamedIsSetAside() async throws {
        let folder = TestFolder()
        var builder = BundleBuilder()
        builder.add(.userAccounts, "staff/users.csv", Self.largeUserList())
        let root = try builder.write(in: folder, signer: pki.signer)
        let bundle = try EvidenceBundleReader().read(root)
        // Same inode, same size: the descriptor held open now reads other bytes than the manifest pins.
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent("staff/users.csv"))
        try handle.seek(toOffset: 6)
        try handle.write(contentsOf: Data("evil.0@gmail.com\n".utf8))
        try handle.close()
        let context = try testContext(bundle, anchors: [pki.root.certificate])
        let report = await Verifier(checks: [EvidenceIntegrityCheck(), UserAccountsCheck()]).verify(context, generatedAt: TestPKI.asOf)
        #expect(report.codes(.evidenceIntegrity).contains("evidence.digest-mismatch"))
        #expect(report.codes(.userAccounts) == ["user-accounts.missing"], "nothing read from the changed file counts")
        #expect(report.prerequisite(.userAccounts).status == .fail)
        #expect(report.decision == .notEligible)
    }

    @Test func largeSignedFileIsCopiedPrivatelySoItsSignatureCoversTheBytesParsed() async throws {
        let folder = TestFolder()
        let list = Self.largeUserList()
        var builder = BundleBuilder()
        builder.add(EvidenceKind.userAccounts.rawValue, "staff/users.csv", list, signature: "staff/users.csv.p7s")
        builder.addUnlisted("staff/users.csv.p7s", try pki.signer.signingIdentity().signDetached(list))
        let root = try builder.write(in: folder, signer: pki.signer)
        let bundle = try EvidenceBundleReader().read(root)
        let file = try #require(bundle.files.first)
        guard case .privateFile(let copy) = file.content else {
            Issue.record("a large signed file is copied privately: both its signature and its check read it")
            return
        }
        #expect(!copy.path.hasPrefix(root.path), "the checks must not reopen the bundle's own path")
        let context = try testContext(bundle, anchors: [pki.root.certificate])
        #expect(context.signatures.signer(of: file) != nil)
        let report = await Verifier(checks: [EvidenceIntegrityCheck(), UserAccountsCheck()]).verify(context, generatedAt: TestPKI.asOf)
        #expect(report.prerequisite(.userAccounts).status == .pass)
    }

    @Test func folderOnThePathSwappedForALinkIsRefused() async throws {
        let folder = TestFolder()
        let root = try signedBundle(in: folder)
        try folder.write(Self.users, to: "elsewhere/users.csv")
        try FileManager.default.removeItem(at: root.appendingPathComponent("staff"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("staff"), withDestinationURL: folder.path("elsewhere"))
        let report = try await verify(root, pki: pki, checks: [EvidenceIntegrityCheck()])
        #expect(report.codes(.evidenceIntegrity).contains("evidence.path-refused"))
        #expect(report.decision == .notEligible)
    }

    @Test func twinNamesInAnotherUnicodeSpellingAreAmbiguous() async throws {
        let nfc = "agreement-caf\u{e9}.txt", nfd = "agreement-cafe\u{301}.txt"
        let genuine = Data("genuine agreement".utf8)
        let folder = TestFolder()
        let root = try signedBundle(in: folder) { builder in
            builder.add("hscn-agreement", nfc, genuine, signature: "\(nfc).p7s")
            builder.addUnlisted("\(nfc).p7s", try pki.signer.signingIdentity().signDetached(genuine))
            builder.addUnlisted(nfd, Data("forged agreement".utf8))
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(nfd).path))
        let report = try await verify(root, pki: pki, checks: [EvidenceIntegrityCheck()])
        #expect(report.codes(.evidenceIntegrity).contains("evidence.path-ambiguous"))
        #expect(report.prerequisite(.evidenceIntegrity).status == .fail)
        #expect(report.evidence.allSatisfy { $0.signer == nil })
    }

    @Test func twoListedSpellingsOfOneNameAreBothRefused() async throws {
        let nfc = "caf\u{e9}.txt", nfd = "cafe\u{301}.txt"
        let folder = TestFolder()
        let root = try signedBundle(in: folder) { builder in
            builder.add("other", nfc, Data("one".utf8))
            builder.add("other", nfd, Data("two".utf8))
        }
        let report = try await verify(root, pki: pki, checks: [EvidenceIntegrityCheck()])
        let ambiguous = report.prerequisite(.evidenceIntegrity).findings.filter { $0.code == .evidencePathAmbiguous }
        #expect(ambiguous.count >= 2)
    }

    @Test func signatureVerdictsBelongToTheirEntryNotToItsPathText() async throws {
        let agreement = Data("agreement".utf8)
        let folder = TestFolder()
        let root = try signedBundle(in: folder) { builder in
            builder.add("hscn-agreement", "agreement.txt", agreement, signature: "good.p7s")
            builder.add("hscn-agreement", "agreement.txt", agreement, signature: "forged.p7s")
            builder.addUnlisted("good.p7s", try pki.signer.signingIdentity().signDetached(agreement))
            builder.addUnlisted("forged.p7s", try pki.signer.signingIdentity().signDetached(Data("other".utf8)))
        }
        let report = try await verify(root, pki: pki, checks: [EvidenceIntegrityCheck()])
        let agreements = report.evidence.filter { $0.path == "agreement.txt" }
        #expect(agreements.count == 2)
        #expect(agreements[0].signer != nil)
        #expect(agreements[1].signer == nil)
        #expect(report.codes(.evidenceIntegrity).contains("signature.invalid"))
    }

    @Test(arguments: [
        (#"{"format":"lcr-evidence/1","organisation":{"odsCode":"B86001","name":"X","directCare":{"provides":true,"provides":false}},"evidence":[]}"#,
         "has the key organisation.directCare.provides twice"),
        (#"{"format":"lcr-evidence/1","format":"lcr-evidence/1","organisation":{"odsCode":"B86001","name":"X"},"evidence":[]}"#,
         "has the key format twice"),
        (#"{"format":"lcr-evidence/1","organisation":{"odsCode":"B86001","name":"X","staffCount":42.5},"evidence":[]}"#,
         "field organisation.staffCount: expected a whole number"),
        (#"{"format":"lcr-evidence/1","organisation":{"odsCode":"B86001","name":"X","staffCount":9223372036854775807},"evidence":[]}"#,
         "field organisation.staffCount: must be at most"),
    ])
    func manifestsReadableTwoWaysAreInvalid(json: String, expected: String) async throws {
        let folder = TestFolder()
        try folder.write(json, to: "bundle/manifest.json")
        let report = try await verify(folder.path("bundle"), pki: pki, checks: [EvidenceIntegrityCheck()])
        let findings = report.prerequisite(.evidenceIntegrity).findings
        #expect(findings.map(\.code.rawValue) == ["manifest.invalid"])
        #expect(findings.first?.message.contains(expected) == true, "\(findings.first?.message ?? "")")
    }

    /// When the manifest cannot be used, no check claims it "lists no" evidence or "declares no" endpoints.
    @Test func checksWithoutAUsableManifestSayThereIsNoneNotThatItListsNothing() async throws {
        let folder = TestFolder()
        let root = try signedBundle(in: folder)
        let manifest = root.appendingPathComponent(EvidenceBundleReader.manifestName)
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try (#"{"contact": {},"# + text.dropFirst()).write(to: manifest, atomically: false, encoding: .utf8)
        let report = try await verify(root, pki: pki)
        #expect(report.codes(.evidenceIntegrity).contains("manifest.invalid"))
        let messages = report.prerequisites.flatMap(\.findings).map(\.message)
        #expect(!messages.contains { $0.contains("The manifest lists no") || $0.contains("The manifest declares no") }, "\(messages)")
        #expect(report.prerequisite(.userAccounts).findings.first?.message.contains("There is no usable manifest") == true)
        #expect(report.prerequisite(.hscn).findings.contains { $0.code.rawValue == "endpoints.none-declared" && $0.message.contains("no usable manifest") })
    }

    @Test func manifestThatIsAFolderIsInvalidNotMissing() async throws {
        let folder = TestFolder()
        try folder.write("x", to: "bundle/manifest.json/inner.txt")
        let report = try await verify(folder.path("bundle"), pki: pki, checks: [EvidenceIntegrityCheck()])
        let finding = try #require(report.prerequisite(.evidenceIntegrity).findings.first)
        #expect(finding.code == .manifestInvalid)
        #expect(finding.message.contains("not a regular file"))
    }

    @Test func fifoAsTheBundleIsRefusedWithoutBlocking() throws {
        let folder = TestFolder()
        let fifo = folder.path("bundle.zip")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: InputError(fifo.path, "is not a folder or a .zip but a FIFO, socket or device; refused")) {
            try EvidenceBundleReader().read(fifo)
        }
    }

    @Test func listedFIFOIsNotAFileAndDoesNotBlock() async throws {
        let folder = TestFolder()
        let root = try signedBundle(in: folder) { builder in builder.list("other", "pipe") }
        #expect(mkfifo(root.appendingPathComponent("pipe").path, 0o600) == 0)
        let report = try await verify(root, pki: pki, checks: [EvidenceIntegrityCheck()])
        #expect(report.codes(.evidenceIntegrity).contains("evidence.not-a-file"))
    }

    @Test func hugeSignatureFileIsRefusedBeforeReading() async throws {
        let folder = TestFolder()
        let root = try signedBundle(in: folder) { builder in
            builder.add("hscn-agreement", "agreement.txt", Data("agreement".utf8), signature: "agreement.txt.p7s")
        }
        let signature = root.appendingPathComponent("agreement.txt.p7s")
        #expect(FileManager.default.createFile(atPath: signature.path, contents: nil))
        #expect(truncate(signature.path, 3 << 30) == 0)  // sparse: 3 GiB claimed, nothing to read
        let report = try await verify(root, pki: pki, checks: [EvidenceIntegrityCheck()])
        let finding = try #require(report.prerequisite(.evidenceIntegrity).findings.first { $0.code == .signatureMissing })
        #expect(finding.message.contains("more than the 1048576 allowed"))
    }

    /// A manifest.json.p7s that is there but cannot be read says why, never "no manifest.json.p7s".
    @Test(arguments: ["folder", "fifo", "link", "huge"])
    func anUnusableManifestSignatureSaysWhyItWasNotRead(_ form: String) async throws {
        let folder = TestFolder()
        let root = try signedBundle(in: folder)
        let signature = root.appendingPathComponent(EvidenceBundleReader.manifestSignatureName)
        try FileManager.default.removeItem(at: signature)
        switch form {
        case "folder": try FileManager.default.createDirectory(at: signature, withIntermediateDirectories: false)
        case "fifo": #expect(mkfifo(signature.path, 0o600) == 0)
        case "link": try FileManager.default.createSymbolicLink(atPath: signature.path, withDestinationPath: "manifest.json")
        default:
            #expect(FileManager.default.createFile(atPath: signature.path, contents: nil))
            #expect(truncate(signature.path, 3 << 30) == 0)
        }
        let report = try await verify(root, pki: pki, checks: [EvidenceIntegrityCheck()])
        let finding = try #require(report.prerequisite(.evidenceIntegrity).findings.first { $0.code == .manifestUnsigned })
        #expect(finding.severity == .error)
        #expect(!finding.message.contains("no manifest.json.p7s"), "\(finding.message)")
        let reason = ["folder": "not a regular file", "fifo": "not a regular file", "link": "symbolic link", "huge": "more than the 1048576 allowed"][form]!
        #expect(finding.message.contains(reason), "\(finding.message)")
    }

    @Test func evidenceListedManyTimesCannotPassTheTotalBudget() throws {
        let folder = TestFolder()
        let root = try signedBundle(in: folder) { builder in
            builder.add("other", "blob.bin", Data(count: 4096))
            for _ in 0..<10 { builder.list("other", "blob.bin", sha256: SHA256Digest.hex(of: Data(count: 4096))) }
        }
        var limits = Policy.defaults.evidence
        limits.maximumZipTotalBytes = 16 * 1024
        #expect(throws: InputError(root.path, "lists more than 16384 bytes of evidence in total; refused")) {
            try EvidenceBundleReader(limits: limits).read(root)
        }
    }
}
