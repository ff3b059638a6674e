import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// The report: canonical JSON, signed and verifiable by us and by plain `openssl cms -verify`.
@Suite struct SignedReportTests {
    let pki = sharedPKI

    func bundle(_ folder: TestFolder) throws -> URL {
        try BundleBuilder.withUserList().write(in: folder, signer: pki.signer)
    }

    func reportJSON(_ root: URL, generatedAt: Date) async throws -> Data {
        let verification = try BundleVerification(
            policy: .defaults, signerAnchors: [pki.root.certificate], hscnAnchors: [pki.root.certificate], probeEndpoints: false)
        return try ReportCoding.encode(try await verification.verify(root, asOf: TestPKI.asOf, generatedAt: generatedAt))
    }

    @Test func sameInputsGiveIdenticalBytesApartFromGeneratedAt() async throws {
        let folder = TestFolder()
        let root = try bundle(folder)
        let first = try await reportJSON(root, generatedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let second = try await reportJSON(root, generatedAt: Date(timeIntervalSince1970: 1_800_000_777))
        #expect(first != second)
        func withoutGeneratedAt(_ data: Data) -> String {
            String(decoding: data, as: UTF8.self).replacingOccurrences(
                of: #""generatedAt":"[^"]*""#, with: "", options: .regularExpression)
        }
        #expect(withoutGeneratedAt(first) == withoutGeneratedAt(second))
        let third = try await reportJSON(root, generatedAt: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(first == third)
    }

    @Test func jsonIsCompactWithSortedKeysAndUTCInstants() async throws {
        let folder = TestFolder()
        let text = String(decoding: try await reportJSON(try bundle(folder), generatedAt: TestPKI.asOf), as: UTF8.self)
        #expect(!text.contains("\n"))
        #expect(!text.contains("\": ") && !text.contains(", \""))
        #expect(text.hasPrefix(#"{"asOf":"2026-04-01T12:00:00Z","bundle":{"#))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(Set(object.keys) == [
            "format", "generatedAt", "asOf", "verifier", "policySha256", "organisation", "bundle", "decision",
            "reverifyBy", "prerequisites", "evidence", "endpoints", "level",
        ])
        #expect(object["level"] as? String == "offline")
        #expect(object["format"] as? String == "lcr-verification-report/1")
        #expect(object["policySha256"] as? String == Policy.defaults.sha256)
        let prerequisites = object["prerequisites"] as! [[String: Any]]
        #expect(prerequisites.map { $0["id"] as! String } == PrerequisiteID.allCases.map(\.rawValue))
        // The bundle carries no DSPT, training or HSCN evidence: those prerequisites fail.
        #expect(object["decision"] as? String == "not-eligible")
    }

    @Test func writtenReportVerifiesAndAnyChangedByteDoesNot() async throws {
        let folder = TestFolder()
        let json = try await reportJSON(try bundle(folder), generatedAt: TestPKI.asOf)
        let report = try ReportCoding.decode(json, file: "report")
        let writer = SignedReportWriter(identity: try pki.reportSigner.signingIdentity())
        let written = try writer.write(report, json: json, to: folder.path("reports"))
        #expect(written.lastPathComponent == "B86001-20260401T120000Z.json")
        #expect(try Data(contentsOf: written) == json)
        let verifier = ReportSignatureVerifier(anchors: [pki.root.certificate])
        guard case .valid(let signer, .exactBytes) = try verifier.verify(reportAt: written, at: TestPKI.asOf) else {
            Issue.record("the written report should verify")
            return
        }
        #expect(signer.subject.contains("LCR IG Steering Group"))
        for offset in [0, json.count / 2, json.count - 1] {
            var tampered = json
            tampered[offset] ^= 0x01
            try tampered.write(to: written)
            guard case .invalid(.mismatch, _, _) = try verifier.verify(reportAt: written, at: TestPKI.asOf) else {
                Issue.record("a change at byte \(offset) must break the signature")
                return
            }
        }
    }

    @Test func plainOpenSSLAcceptsOurReports() async throws {
        let folder = TestFolder()
        let json = try await reportJSON(try bundle(folder), generatedAt: TestPKI.asOf)
        let report = try ReportCoding.decode(json, file: "report")
        let written = try SignedReportWriter(identity: try pki.reportSigner.signingIdentity()).write(report, json: json, to: folder.url)
        let anchor = try folder.write(pki.root.certificate.pemString, to: "anchor.pem")
        let arguments = [
            "cms", "-verify", "-binary", "-inform", "DER", "-in", written.path + ".p7s", "-content", written.path,
            "-CAfile", anchor.path, "-purpose", "any", "-out", "/dev/null",
        ]
        #expect(try OpenSSLCommand.run(arguments) == 0)
        try Data("{}".utf8).write(to: written)
        #expect(try OpenSSLCommand.run(arguments) != 0)
    }

    @Test func reportSignedByAnUntrustedKeyIsInvalid() async throws {
        let folder = TestFolder()
        let json = try await reportJSON(try bundle(folder), generatedAt: TestPKI.asOf)
        let report = try ReportCoding.decode(json, file: "report")
        let stranger = CertificateFactory.issue(
            CertificateSpec(commonName: "Not the steering group", notBefore: TestPKI.validFrom, notAfter: TestPKI.validUntil,
                            keyUsage: "digitalSignature"),
            key: .ec())
        let written = try SignedReportWriter(identity: try stranger.signingIdentity()).write(report, json: json, to: folder.url)
        guard case .invalid(.untrusted, _, _) = try ReportSignatureVerifier(anchors: [pki.root.certificate]).verify(reportAt: written, at: TestPKI.asOf) else {
            Issue.record("a report signed outside the anchors must be untrusted")
            return
        }
    }

    @Test func keyThatDoesNotMatchTheCertificateIsRefused() throws {
        let error = #expect(throws: InputError.self) {
            try SigningIdentity(keyPEM: pki.signer.key.pem, certificatePEM: Data(pki.reportSigner.certificate.pemString.utf8), origin: "pair")
        }
        #expect(error?.problem.contains("does not match") == true)
    }

    @Test(arguments: [Data(), Data("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8)])
    func unreadableKeysAreRefused(_ key: Data) throws {
        #expect(throws: InputError.self) {
            try SigningIdentity(keyPEM: key, certificatePEM: Data(pki.reportSigner.certificate.pemString.utf8), origin: "key")
        }
    }

    // MARK: nothing overwritten, nothing half-written

    func writtenReport(_ folder: TestFolder) async throws -> (VerificationReport, Data) {
        let json = try await reportJSON(try bundle(folder), generatedAt: TestPKI.asOf)
        return (try ReportCoding.decode(json, file: "report"), json)
    }

    func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aSecondReportWithTheSameNameGetsASuffixAndTheFirstIsKept() async throws {
        let folder = TestFolder()
        let (report, json) = try await writtenReport(folder)
        let writer = SignedReportWriter(identity: try pki.reportSigner.signingIdentity())
        let out = folder.path("reports")
        let first = try writer.write(report, json: json, to: out)
        let firstSignature = try Data(contentsOf: URL(fileURLWithPath: first.path + ".p7s"))
        var changed = json
        changed.append(contentsOf: Array(" ".utf8))
        let second = try writer.write(report, json: changed, to: out)
        let third = try writer.write(report, json: changed, to: out)
        #expect(second.lastPathComponent == "B86001-20260401T120000Z-2.json")
        #expect(third.lastPathComponent == "B86001-20260401T120000Z-3.json")
        #expect(try Data(contentsOf: first) == json)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.path + ".p7s")) == firstSignature)
        #expect(try Data(contentsOf: second) == changed)
        let verifier = ReportSignatureVerifier(anchors: [pki.root.certificate])
        for written in [first, second, third] {
            guard case .valid = try verifier.verify(reportAt: written, at: TestPKI.asOf) else {
                Issue.record("\(written.lastPathComponent) should verify")
                return
            }
        }
        #expect(try names(in: out).count == 6)
    }

    @Test func aFolderAtTheSignaturesNameLeavesNoReportWithoutItsSignature() async throws {
        let folder = TestFolder()
        let (report, json) = try await writtenReport(folder)
        let out = folder.path("reports")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("B86001-20260401T120000Z.json.p7s"), withIntermediateDirectories: true)
        let written = try SignedReportWriter(identity: try pki.reportSigner.signingIdentity()).write(report, json: json, to: out)
        #expect(written.lastPathComponent == "B86001-20260401T120000Z-2.json")
        #expect(try names(in: out) == ["B86001-20260401T120000Z-2.json", "B86001-20260401T120000Z-2.json.p7s", "B86001-20260401T120000Z.json.p7s"])
    }

    @Test func aWriterFailingHalfWayLeavesNothingBehind() async throws {
        let folder = TestFolder()
        let (report, json) = try await writtenReport(folder)
        let out = folder.path("reports")
        // The report lands, then giving the signature its name fails (as a full or failing disk would).
        let writer = SignedReportWriter(identity: try pki.reportSigner.signingIdentity()) { staged, target in
            if target.hasSuffix(".p7s") {
                errno = EIO
                return -1
            }
            return link(staged, target)
        }
        let error = #expect(throws: InputError.self) { try writer.write(report, json: json, to: out) }
        #expect(error?.subject.hasSuffix("B86001-20260401T120000Z.json.p7s") == true)
        #expect(error?.problem.contains("Input/output error") == true)
        #expect(try names(in: out) == [])
    }

    @Test func aReportFolderThatCannotBeMadeIsAnInputErrorAndNothingIsWritten() async throws {
        let folder = TestFolder()
        let (report, json) = try await writtenReport(folder)
        let file = try folder.write("not a folder", to: "file")
        let error = #expect(throws: InputError.self) {
            try SignedReportWriter(identity: try pki.reportSigner.signingIdentity()).write(report, json: json, to: file.appendingPathComponent("reports"))
        }
        #expect(error?.subject.hasSuffix("file/reports") == true)
        #expect(try names(in: folder.url).filter { $0 != "bundle" } == ["file"])
        #expect(try Data(contentsOf: file) == Data("not a folder".utf8))
    }

    @Test func aReportWhoseODSCodeIsNotOneNamesNoFile() async throws {
        let folder = TestFolder()
        let (written, json) = try await writtenReport(folder)
        var report = written
        report.organisation.odsCode = "../../escape"
        let out = folder.path("reports")
        #expect(throws: InputError.self) {
            try SignedReportWriter(identity: try pki.reportSigner.signingIdentity()).write(report, json: json, to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(arguments: [
        (#"{"format":"lcr-verification-report/1","format":"x"}"#, "has the key format twice"),
        (#"{"format":1}"#, "field format: expected a string"),
        ("not json", "not valid JSON"),
    ])
    func unusableReportJSONIsOneLineNamingTheProblem(text: String, problem: String) {
        let error = #expect(throws: InputError.self) { try ReportCoding.decode(Data(text.utf8), file: "r.json") }
        #expect(error?.subject == "r.json")
        #expect(error?.problem.contains(problem) == true, "\(error?.problem ?? "")")
    }
}
