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
        guard case .trusted = verifier.verify(leaf.certificate, at: TestPKI.asOf, hostname: "127.0.0.1") else {
            Issue.record("the IP SAN should match its literal host")
            return
        }
        guard case .failed(.hostnameMismatch, _) = verifier.verify(leaf.certificate, at: TestPKI.asOf, hostname: "127.0.0.2") else {
            Issue.record("another IP must not match")
            return
        }
    }
}
