import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// What a certificate names, as the reports show it.
@Suite struct CertificateNamesTests {
    @Test func subjectAlternativeNamesReadInCanonicalForm() {
        let leaf = sharedPKI.root.issueLeaf(
            commonName: "gateway", subjectAltNames: "DNS:gateway.example.nhs.uk,IP:127.0.0.1,IP:::1,IP:fd00::a:1,email:ops@nhs.net")
        #expect(leaf.certificate.subjectAlternativeNames == [
            .dns("gateway.example.nhs.uk"), .ipAddress("127.0.0.1"), .ipAddress("::1"), .ipAddress("fd00::a:1"), .email("ops@nhs.net"),
        ])
        #expect(leaf.certificate.emailAddress == "ops@nhs.net")
    }

    @Test func chainVerificationMatchesAnIPAddressURLHost() {
        let leaf = sharedPKI.root.issueLeaf(commonName: "gateway", subjectAltNames: "IP:127.0.0.1")
        let verifier = ChainVerifier(anchors: [sharedPKI.root.certificate])
        guard case .trusted = verifier.verify(leaf.certificate, at: TestPKI.asOf, purpose: .any, hostname: "127.0.0.1") else {
            Issue.record("the IP SAN should match its literal host")
            return
        }
        guard case .failed(.hostnameMismatch, _) = verifier.verify(leaf.certificate, at: TestPKI.asOf, purpose: .any, hostname: "127.0.0.2") else {
            Issue.record("another IP must not match")
            return
        }
    }

    /// OpenSSL refuses a host name with an embedded NUL; that refusal must fail the check, not switch it off.
    @Test(arguments: ["localhost\u{0}.evil.example", "", "\u{0}"])
    func hostNameOpenSSLRefusesFailsTheChain(_ hostname: String) {
        let leaf = sharedPKI.root.issueLeaf(commonName: "gateway", subjectAltNames: "DNS:localhost")
        let verifier = ChainVerifier(anchors: [sharedPKI.root.certificate])
        guard case .failed(.hostnameMismatch, _) = verifier.verify(leaf.certificate, at: TestPKI.asOf, purpose: .any, hostname: hostname) else {
            Issue.record("a host name OpenSSL cannot take must not verify")
            return
        }
    }

    @Test func tlsServerPurposeRefusesAClientOnlyCertificate() {
        let client = sharedPKI.root.issueLeaf(
            commonName: "localhost", keyUsage: "critical,digitalSignature", extendedKeyUsage: "clientAuth", subjectAltNames: "DNS:localhost")
        let verifier = ChainVerifier(anchors: [sharedPKI.root.certificate])
        guard case .failed(.wrongPurpose, _) = verifier.verify(client.certificate, at: TestPKI.asOf, purpose: .tlsServer, hostname: "localhost") else {
            Issue.record("a clientAuth-only certificate is not a TLS server certificate")
            return
        }
        guard case .trusted = verifier.verify(client.certificate, at: TestPKI.asOf, purpose: .any, hostname: "localhost") else {
            Issue.record("the same chain is fine for any purpose")
            return
        }
    }

    /// One verifier's anchor store is shared by every call: calls made at once at different instants, for
    /// different purposes and hosts, each keep their own verdict (none sees another's time or host).
    @Test func concurrentVerificationsKeepTheirOwnTimeAndHost() async {
        let leaf = sharedPKI.root.issueLeaf(
            commonName: "localhost", keyUsage: "critical,digitalSignature", extendedKeyUsage: "clientAuth", subjectAltNames: "DNS:localhost")
        let verifier = ChainVerifier(anchors: [sharedPKI.root.certificate])
        let afterExpiry = TestPKI.validUntil.addingTimeInterval(86_400)
        let verdicts = await withTaskGroup(of: (Int, String).self) { group in
            for call in 0..<200 {
                group.addTask {
                    let verdict = switch call % 4 {
                    case 0: verifier.verify(leaf.certificate, at: TestPKI.asOf, purpose: .any, hostname: "localhost")
                    case 1: verifier.verify(leaf.certificate, at: afterExpiry, purpose: .any)
                    case 2: verifier.verify(leaf.certificate, at: TestPKI.asOf, purpose: .any, hostname: "elsewhere.example")
                    default: verifier.verify(leaf.certificate, at: TestPKI.asOf, purpose: .tlsServer)
                    }
                    return switch verdict {
                    case .trusted(let chain): (call, chain.first === leaf.certificate && chain.last === sharedPKI.root.certificate ? "trusted" : "trusted, other objects")
                    case .failed(let kind, _): (call, "\(kind)")
                    }
                }
            }
            var verdicts: [Int: String] = [:]
            for await (call, verdict) in group { verdicts[call] = verdict }
            return verdicts
        }
        let expected = ["trusted", "expired", "hostnameMismatch", "wrongPurpose"]
        for call in 0..<200 {
            #expect(verdicts[call] == expected[call % 4], "call \(call)")
        }
    }
}
