import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// Real CMS signatures made with OpenSSL, checked at fixed instants.
@Suite struct DetachedSignatureVerifierTests {
    let pki = sharedPKI
    let content = Data("{\"format\":\"lcr-evidence/1\"}\r\n".utf8)

    func verdict(_ signature: Data, over content: Data? = nil, at instant: Date = TestPKI.asOf) -> SignatureVerification {
        DetachedSignatureVerifier(anchors: [pki.root.certificate])
            .verify(signature: signature, over: .data(content ?? self.content), at: instant)
    }

    func failure(_ verdict: SignatureVerification) -> SignatureVerification.SignatureFailure? {
        if case .invalid(let failure, _, _) = verdict { return failure }
        return nil
    }

    /// fuzz-cms found this detached signature leaking OpenSSL's copy of the content BIO inside `CMS_verify`;
    /// replayed by every fuzz run from the seed corpus, and here it must simply be refused.
    @Test func signatureFromTheFuzzLeakIsRefused() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let signature = try Data(contentsOf: repository.appendingPathComponent("Fuzz/Corpus/fuzz-cms/regression-cms-verify-leak.der"))
        for _ in 0..<3 {
            #expect(failure(verdict(signature)) != nil)
        }
    }

    @Test func validSignatureNamesItsSigner() throws {
        let signature = try pki.signer.signingIdentity().signDetached(content)
        guard case .valid(let signer, .exactBytes) = verdict(signature) else {
            Issue.record("expected a valid signature")
            return
        }
        #expect(signer.subject.contains("CN=A Manager"))
        #expect(signer.email == "a.manager@nhs.net")
        #expect(signer.issuer.contains("CN=LCR Test Root"))
        #expect(signer.notAfter == TestPKI.validUntil)
    }

    @Test func binaryModeKeepsLineEndingsExact() throws {
        let signature = try pki.signer.signingIdentity().signDetached(content)
        let lfOnly = Data(String(decoding: content, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
        #expect(failure(verdict(signature, over: lfOnly)) == .mismatch)
    }

    @Test func oneChangedByteIsAMismatch() throws {
        let signature = try pki.signer.signingIdentity().signDetached(content)
        var changed = content
        changed[0] = UInt8(ascii: "[")
        #expect(failure(verdict(signature, over: changed)) == .mismatch)
    }

    @Test(arguments: [Data(), Data("not a signature".utf8), Data([0x30, 0x82, 0x01]), Data("-----BEGIN CMS-----\nAAAA\n-----END CMS-----\n".utf8)])
    func garbageIsMalformed(_ garbage: Data) {
        #expect(failure(verdict(garbage)) == .malformed)
    }

    @Test func signerOutsideTheAnchorsIsUntrusted() throws {
        let otherRoot = TestPKI.authority("Other Root")
        let stranger = otherRoot.issueLeaf(commonName: "Stranger", email: "stranger@nhs.net", extendedKeyUsage: "emailProtection")
        let signature = try stranger.signingIdentity().signDetached(content)
        #expect(failure(verdict(signature)) == .untrusted)
    }

    @Test func selfSignedSignerIsUntrusted() throws {
        let selfSigned = CertificateFactory.issue(
            CertificateSpec(commonName: "Me", notBefore: TestPKI.validFrom, notAfter: TestPKI.validUntil,
                            keyUsage: "digitalSignature"),
            key: .ec())
        let signature = try selfSigned.signingIdentity().signDetached(content)
        #expect(failure(verdict(signature)) == .untrusted)
    }

    @Test func signerExpiredAtTheInstantFails() throws {
        let expired = pki.root.issueLeaf(
            commonName: "Expired", notBefore: TestPKI.validFrom, notAfter: TestPKI.asOf.addingTimeInterval(-1),
            extendedKeyUsage: "emailProtection")
        let signature = try expired.signingIdentity().signDetached(content)
        #expect(failure(verdict(signature)) == .signerExpired)
        // The same signature is fine at an instant inside the signer's validity: the instant is injected, not read.
        guard case .valid = verdict(signature, at: TestPKI.asOf.addingTimeInterval(-86_400)) else {
            Issue.record("expected valid before expiry")
            return
        }
    }

    @Test func signerNotYetValidFails() throws {
        let future = pki.root.issueLeaf(
            commonName: "Future", notBefore: TestPKI.asOf.addingTimeInterval(86_400), notAfter: TestPKI.validUntil,
            extendedKeyUsage: "emailProtection")
        let signature = try future.signingIdentity().signDetached(content)
        #expect(failure(verdict(signature)) == .signerNotYetValid)
    }

    @Test(arguments: [
        ("critical,keyEncipherment", "emailProtection"),
        ("critical,digitalSignature", "serverAuth"),
        ("critical,digitalSignature", "serverAuth,clientAuth"),
    ])
    func signerWithoutASigningPurposeFails(keyUsage: String, extendedKeyUsage: String) throws {
        let wrong = pki.root.issueLeaf(commonName: "Wrong Usage", keyUsage: keyUsage, extendedKeyUsage: extendedKeyUsage)
        let signature = try wrong.signingIdentity().signDetached(content)
        #expect(failure(verdict(signature)) == .keyUsage)
    }

    @Test(arguments: ["emailProtection", "codeSigning", "anyExtendedKeyUsage"])
    func signingPurposesAreAccepted(_ extendedKeyUsage: String) throws {
        let signer = pki.root.issueLeaf(commonName: "Signer", extendedKeyUsage: extendedKeyUsage)
        let signature = try signer.signingIdentity().signDetached(content)
        guard case .valid = verdict(signature) else {
            Issue.record("\(extendedKeyUsage) should be accepted")
            return
        }
    }

    @Test func intermediateCarriedInTheSignatureCompletesTheChain() throws {
        let intermediate = TestPKI.authority("Issuing CA", issuer: pki.root, serial: 50)
        let leaf = intermediate.issueLeaf(commonName: "Leaf Signer", extendedKeyUsage: "emailProtection")
        let signature = try leaf.signingIdentity(chain: [intermediate]).signDetached(content)
        guard case .valid = verdict(signature) else {
            Issue.record("expected the carried intermediate to complete the chain")
            return
        }
        let bare = try leaf.signingIdentity().signDetached(content)
        #expect(failure(verdict(bare)) == .untrusted)
    }

    @Test func pemSignaturesFromTheOpenSSLCommandAreRead() throws {
        let signature = try OpenSSLCommand.sign(content, by: pki.signer, options: ["-binary", "-outform", "PEM"])
        guard case .valid = verdict(signature) else {
            Issue.record("a PEM signature made by openssl cms should verify")
            return
        }
    }

    @Test func signatureWithoutItsSignerCertificateSaysSo() throws {
        let signature = try OpenSSLCommand.sign(content, by: pki.signer, options: ["-binary", "-nocerts", "-outform", "DER"])
        #expect(failure(verdict(signature)) == .signerMissing)
    }

    @Test(arguments: [("sha1", TestKey.ec()), ("md5", TestKey.rsa(bits: 2048))])
    func aWeakDigestIsRefused(digest: String, key: TestKey) throws {
        let signer = pki.root.issueLeaf(commonName: "Weak Digest", extendedKeyUsage: "emailProtection", key: key)
        let signature = try OpenSSLCommand.sign(content, by: signer, options: ["-binary", "-md", digest, "-outform", "DER"])
        let verdict = verdict(signature)
        #expect(failure(verdict) == .weakDigest)
        #expect(failure(verdict)?.code.rawValue == "signature.weak-digest")
        // The same signer with SHA-256 is fine: it is the digest that is refused.
        let strong = try OpenSSLCommand.sign(content, by: signer, options: ["-binary", "-md", "sha256", "-outform", "DER"])
        guard case .valid = self.verdict(strong) else {
            Issue.record("a SHA-256 signature by the same signer should verify")
            return
        }
    }

    @Test(.timeLimit(.minutes(1))) func signedContentThatIsAFIFOIsRefusedWithoutBlocking() throws {
        let folder = TestFolder()
        let fifo = folder.path("evidence.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let signature = try pki.signer.signingIdentity().signDetached(content)
        let verdict = DetachedSignatureVerifier(anchors: [pki.root.certificate]).verify(signature: signature, over: .file(fifo), at: TestPKI.asOf)
        guard case .invalid(.malformed, let reason, _) = verdict else {
            Issue.record("a FIFO is not signed content: \(verdict)")
            return
        }
        #expect(reason.contains("is not a regular file"))
    }

    @Test func aCACertificateIsNotAResponsibleOfficer() throws {
        let authority = TestPKI.authority(
            "Practice CA", issuer: pki.root, keyUsage: "critical,digitalSignature,nonRepudiation,keyCertSign",
            extendedKeyUsage: "emailProtection", serial: 60)
        let signature = try authority.signingIdentity().signDetached(content)
        let verdict = verdict(signature)
        #expect(failure(verdict) == .signerIsCA)
        #expect(failure(verdict)?.code.rawValue == "signature.signer-is-ca")
    }
}

/// Signatures made without `-binary` (S/MIME text mode) cover CRLF-normalised bytes.
@Suite struct CanonicalTextSignatureTests {
    let pki = sharedPKI

    @Test func textModeSignatureIsAcceptedOnlyWhenAllowedAndSaysSo() throws {
        let content = Data("{\n  \"format\": \"lcr-evidence/1\"\n}\n".utf8)
        let signature = try OpenSSLCommand.sign(content, by: pki.signer, options: ["-outform", "DER"])
        let verifier = DetachedSignatureVerifier(anchors: [pki.root.certificate])
        guard case .invalid(.mismatch, _, _) = verifier.verify(signature: signature, over: .data(content), at: TestPKI.asOf) else {
            Issue.record("exact-byte verification must refuse a text-mode signature")
            return
        }
        guard case .valid(_, .canonicalText) = verifier.verify(signature: signature, over: .data(content), at: TestPKI.asOf, acceptingCanonicalText: true) else {
            Issue.record("text mode should verify when allowed")
            return
        }
        var changed = content
        changed[4] = UInt8(ascii: "X")
        guard case .invalid(.mismatch, _, _) = verifier.verify(signature: signature, over: .data(changed), at: TestPKI.asOf, acceptingCanonicalText: true) else {
            Issue.record("a changed byte must still fail in text mode")
            return
        }
    }
}
