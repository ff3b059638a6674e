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
        let evidence = try EvidenceBundleReader().read(root)
        let context = VerificationContext(
            bundle: evidence, asOf: TestPKI.asOf, policy: .defaults,
            signerAnchors: [pki.root.certificate], hscnAnchors: [pki.root.certificate], probeEndpoints: false)
        return try ReportCoding.encode(await Verifier().verify(context, generatedAt: generatedAt))
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
            "reverifyBy", "prerequisites", "evidence", "endpoints",
        ])
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
}
