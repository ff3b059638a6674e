import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// `evidence-integrity` over bundles built on disk with real signatures.
@Suite struct EvidenceIntegrityCheckTests {
    let pki = sharedPKI
    let integrityOnly: [any Check] = [EvidenceIntegrityCheck()]

    func goodBundle() -> BundleBuilder {
        var builder = BundleBuilder()
        builder.add("dspt-assessment", "dspt/assessment.csv", "Code,Status,Date Of Publication\nB86001,24-25 Standards Met,20/06/2025\n")
        builder.add("user-accounts", "staff/users.csv", "Email\na.manager@nhs.net\n")
        return builder
    }

    @Test func intactSignedBundlePasses() async throws {
        let folder = TestFolder()
        let report = try await verify(goodBundle().write(in: folder, signer: pki.signer), pki: pki, checks: integrityOnly)
        #expect(report.prerequisite(.evidenceIntegrity).status == .pass)
        #expect(report.decision == .eligible)
        #expect(report.bundle.signer?.email == "a.manager@nhs.net")
        #expect(report.reverifyBy == TestPKI.validUntil)  // the signer's notAfter is the only lapse
        #expect(report.evidence.map(\.path) == ["dspt/assessment.csv", "staff/users.csv"])
        #expect(report.evidence.allSatisfy { $0.bytes ?? 0 > 0 })
    }

    @Test func changedFileIsADigestMismatch() async throws {
        let folder = TestFolder()
        let root = try goodBundle().write(in: folder, signer: pki.signer)
        try Data("Email\nsomeone.else@nhs.net\n".utf8).write(to: root.appendingPathComponent("staff/users.csv"))
        let report = try await verify(root, pki: pki, checks: integrityOnly)
        #expect(report.prerequisite(.evidenceIntegrity).status == .fail)
        #expect(report.codes(.evidenceIntegrity).contains("evidence.digest-mismatch"))
        #expect(report.decision == .notEligible)
        // The report records what was measured, not what the manifest claimed.
        let measured = SHA256Digest.hex(of: Data("Email\nsomeone.else@nhs.net\n".utf8))
        #expect(report.evidence.first { $0.path == "staff/users.csv" }?.sha256 == measured)
    }

    @Test func missingListedFileFails() async throws {
        var builder = goodBundle()
        builder.list("training-records", "training/gone.csv")
        let folder = TestFolder()
        let report = try await verify(builder.write(in: folder, signer: pki.signer), pki: pki, checks: integrityOnly)
        #expect(report.codes(.evidenceIntegrity).contains("evidence.missing"))
        #expect(report.prerequisite(.evidenceIntegrity).status == .fail)
    }

    @Test(arguments: ["../outside.csv", "/etc/passwd", "staff/../../outside.csv", "a\\b.csv", "./staff/users.csv"])
    func pathsLeavingTheBundleAreRefused(_ path: String) async throws {
        var builder = goodBundle()
        builder.list("other", path)
        let folder = TestFolder()
        try folder.write("secret", to: "outside.csv")
        let report = try await verify(builder.write(in: folder, signer: pki.signer), pki: pki, checks: integrityOnly)
        #expect(report.codes(.evidenceIntegrity).contains("evidence.path-refused"))
        #expect(report.prerequisite(.evidenceIntegrity).status == .fail)
    }

    @Test func linkLeavingTheBundleIsRefused() async throws {
        let folder = TestFolder()
        let secret = try folder.write("secret\n", to: "outside/secret.csv")
        var builder = goodBundle()
        builder.list("other", "linked.csv", sha256: SHA256Digest.hex(of: Data("secret\n".utf8)))
        let root = try builder.write(in: folder, signer: pki.signer)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("linked.csv"), withDestinationURL: secret)
        let report = try await verify(root, pki: pki, checks: integrityOnly)
        #expect(report.codes(.evidenceIntegrity).contains("evidence.path-refused"))
    }

    @Test func linkInsideTheBundleIsRefused() async throws {
        let folder = TestFolder()
        var builder = goodBundle()
        builder.list("other", "alias.csv", sha256: SHA256Digest.hex(of: Data("Email\na.manager@nhs.net\n".utf8)))
        let root = try builder.write(in: folder, signer: pki.signer)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("alias.csv").path, withDestinationPath: "staff/users.csv")
        let report = try await verify(root, pki: pki, checks: integrityOnly)
        // A link is never followed, even to a file inside the bundle: it could be re-pointed between reads.
        #expect(report.codes(.evidenceIntegrity).contains("evidence.path-refused"))
        #expect(report.prerequisite(.evidenceIntegrity).status == .fail)
    }

    @Test func unlistedFilesAndUnknownKindsWarn() async throws {
        var builder = goodBundle()
        builder.addUnlisted("notes/extra.txt", Data("hello".utf8))
        builder.add("fax-cover-sheet", "other/fax.txt", "fax")
        let folder = TestFolder()
        let report = try await verify(builder.write(in: folder, signer: pki.signer), pki: pki, checks: integrityOnly)
        #expect(report.prerequisite(.evidenceIntegrity).status == .warn)
        #expect(report.codes(.evidenceIntegrity).contains("evidence.unlisted"))
        #expect(report.codes(.evidenceIntegrity).contains("evidence.unknown-kind"))
        #expect(report.decision == .eligible)
    }

    @Test func unsignedManifestFailsUnderTheDefaultPolicyAndWarnsWhenAllowed() async throws {
        let folder = TestFolder()
        let root = try goodBundle().write(in: folder, signer: nil)
        let strict = try await verify(root, pki: pki, checks: integrityOnly)
        #expect(strict.codes(.evidenceIntegrity) == ["manifest.unsigned"])
        #expect(strict.prerequisite(.evidenceIntegrity).status == .fail)
        var lenient = Policy.defaults
        lenient.evidence.requireManifestSignature = false
        let relaxed = try await verify(root, pki: pki, policy: lenient, checks: integrityOnly)
        #expect(relaxed.prerequisite(.evidenceIntegrity).status == .warn)
    }

    @Test func manifestSignedByAnotherFileFailsAsInvalid() async throws {
        let folder = TestFolder()
        let root = try goodBundle().write(in: folder, signer: pki.signer)
        let otherSignature = try pki.signer.signingIdentity().signDetached(Data("something else".utf8))
        try otherSignature.write(to: root.appendingPathComponent("manifest.json.p7s"))
        let report = try await verify(root, pki: pki, checks: integrityOnly)
        #expect(report.codes(.evidenceIntegrity).contains("signature.invalid"))
        #expect(report.bundle.signer == nil)
    }

    @Test func manifestSignerExpiredAtAsOfFails() async throws {
        let folder = TestFolder()
        let root = try goodBundle().write(in: folder, signer: pki.signer)
        let report = try await verify(root, pki: pki, asOf: TestPKI.validUntil.addingTimeInterval(1), checks: integrityOnly)
        #expect(report.codes(.evidenceIntegrity).contains("signature.signer-expired"))
    }

    @Test func perFileSignaturesAreVerifiedAndNamed() async throws {
        let agreement = Data("%PDF-1.4 agreement".utf8)
        var builder = goodBundle()
        builder.add("hscn-agreement", "hscn/agreement.pdf", agreement, signature: "hscn/agreement.pdf.p7s")
        builder.addUnlisted("hscn/agreement.pdf.p7s", try pki.signer.signingIdentity().signDetached(agreement))
        let folder = TestFolder()
        let report = try await verify(builder.write(in: folder, signer: pki.signer), pki: pki, checks: integrityOnly)
        #expect(report.prerequisite(.evidenceIntegrity).status == .pass)  // the signature file is known, not "unlisted"
        #expect(report.evidence.first { $0.path == "hscn/agreement.pdf" }?.signer?.email == "a.manager@nhs.net")
    }

    @Test func badPerFileSignatureFails() async throws {
        let agreement = Data("%PDF-1.4 agreement".utf8)
        var builder = goodBundle()
        builder.add("hscn-agreement", "hscn/agreement.pdf", agreement, signature: "hscn/agreement.pdf.p7s")
        builder.addUnlisted("hscn/agreement.pdf.p7s", try pki.signer.signingIdentity().signDetached(Data("another agreement".utf8)))
        let folder = TestFolder()
        let report = try await verify(builder.write(in: folder, signer: pki.signer), pki: pki, checks: integrityOnly)
        #expect(report.codes(.evidenceIntegrity).contains("signature.invalid"))
        #expect(report.prerequisite(.evidenceIntegrity).status == .fail)
    }

    @Test func missingPerFileSignatureFails() async throws {
        var builder = goodBundle()
        builder.add("hscn-agreement", "hscn/agreement.pdf", Data("pdf".utf8), signature: "hscn/agreement.pdf.p7s")
        let folder = TestFolder()
        let report = try await verify(builder.write(in: folder, signer: pki.signer), pki: pki, checks: integrityOnly)
        #expect(report.codes(.evidenceIntegrity).contains("signature.missing"))
    }

    @Test func missingManifestFailsWithoutCrashing() async throws {
        let folder = TestFolder()
        try folder.write("x", to: "bundle/readme.txt")
        let report = try await verify(folder.path("bundle"), pki: pki)
        #expect(report.codes(.evidenceIntegrity) == ["manifest.missing"])
        #expect(report.organisation.odsCode == "UNKNOWN")
        #expect(report.decision == .notEligible)
        #expect(report.prerequisite(.directCare).status == .fail)
    }

    @Test(arguments: [
        ("{", "is not valid JSON"),
        ("{\"format\":\"lcr-evidence/2\",\"organisation\":{\"odsCode\":\"B86001\",\"name\":\"X\"},\"evidence\":[]}", "field format"),
        ("{\"format\":\"lcr-evidence/1\",\"organisation\":{\"odsCode\":\"B86-001\",\"name\":\"X\"},\"evidence\":[]}", "field organisation.odsCode"),
        ("{\"format\":\"lcr-evidence/1\",\"organisation\":{\"name\":\"X\"},\"evidence\":[]}", "field organisation.odsCode: is missing"),
        ("{\"format\":\"lcr-evidence/1\",\"organisation\":{\"odsCode\":\"B86001\",\"name\":\"X\",\"staffCount\":\"many\"},\"evidence\":[]}", "field organisation.staffCount: expected a whole number"),
        ("{\"format\":\"lcr-evidence/1\",\"organisation\":{\"odsCode\":\"B86001\",\"name\":\"X\"},\"evidence\":[{\"kind\":\"other\",\"path\":\"a\",\"sha256\":\"abc\"}]}", "field evidence[0].sha256"),
    ])
    func invalidManifestNamesTheField(json: String, expected: String) async throws {
        let folder = TestFolder()
        try folder.write(json, to: "bundle/manifest.json")
        let report = try await verify(folder.path("bundle"), pki: pki)
        let findings = report.prerequisite(.evidenceIntegrity).findings
        #expect(findings.map(\.code.rawValue) == ["manifest.invalid"])
        #expect(findings.first?.message.contains(expected) == true, "\(findings.first?.message ?? "")")
    }

    @Test func fileOverTheSizeLimitIsNotRead() async throws {
        var builder = goodBundle()
        builder.add("other", "big.bin", Data(count: 4096))
        var policy = Policy.defaults
        policy.evidence.maximumFileBytes = 1024
        let folder = TestFolder()
        let report = try await verify(builder.write(in: folder, signer: pki.signer), pki: pki, policy: policy, checks: integrityOnly)
        #expect(report.codes(.evidenceIntegrity).contains("evidence.too-large"))
        #expect(report.prerequisite(.evidenceIntegrity).status == .fail)
    }

    @Test func manyUnlistedFilesAreCountedNotListedOneByOne() async throws {
        var builder = goodBundle()
        for index in 0..<30 { builder.addUnlisted("junk/\(index).txt", Data("x".utf8)) }
        let folder = TestFolder()
        let report = try await verify(builder.write(in: folder, signer: pki.signer), pki: pki, checks: integrityOnly)
        let unlisted = report.prerequisite(.evidenceIntegrity).findings.filter { $0.code == .evidenceUnlisted }
        #expect(unlisted.count == EvidenceIntegrityCheck.unlistedFindingLimit + 1)
        #expect(unlisted.last?.message.hasPrefix("10 more files") == true)
    }

    @Test func missingBundleIsAnInputError() {
        #expect(throws: InputError.self) {
            try EvidenceBundleReader().read(URL(fileURLWithPath: "/nonexistent/bundle"))
        }
    }
}

/// `direct-care` over the manifest's declaration.
@Suite struct DirectCareCheckTests {
    let pki = sharedPKI

    static let cases: [(String, [String])] = [
        (#"{"provides": true, "services": ["general practice"], "basis": "GDPR Article 9(2)(h)"}"#, []),
        (#"{"provides": false, "services": ["general practice"], "basis": "GDPR Article 9(2)(h)"}"#, ["direct-care.not-provided"]),
        (#"{"services": ["general practice"], "basis": "GDPR Article 9(2)(h)"}"#, ["direct-care.not-provided"]),
        (#"{"provides": true, "services": [], "basis": "GDPR Article 9(2)(h)"}"#, ["direct-care.no-services"]),
        (#"{"provides": true, "services": ["  "], "basis": "GDPR Article 9(2)(h)"}"#, ["direct-care.no-services"]),
        (#"{"provides": true, "services": ["general practice"]}"#, ["direct-care.no-basis"]),
        (#"{"provides": true, "services": ["general practice"], "basis": ""}"#, ["direct-care.no-basis"]),
        (#"{}"#, ["direct-care.not-provided", "direct-care.no-services", "direct-care.no-basis"]),
    ]

    @Test(arguments: cases)
    func declarations(_ declaration: String, expected: [String]) async throws {
        var builder = BundleBuilder()
        builder.directCare = try JSONSerialization.jsonObject(with: Data(declaration.utf8)) as! [String: Any]
        let folder = TestFolder()
        let report = try await verify(builder.write(in: folder, signer: pki.signer), pki: pki, checks: [DirectCareCheck()])
        #expect(report.codes(.directCare) == expected)
        #expect(report.prerequisite(.directCare).status == (expected.isEmpty ? .pass : .fail))
    }
}
