@testable import EvidenceVerifier
import Foundation
import PKIFixtures

/// TLS endpoints on 127.0.0.1 for probe tests: `openssl s_server` presenting a certificate chosen per case.
/// Every certificate has fixed dates (`TestPKI`); tests verify at `TestPKI.asOf`.
enum TLSTestServer {
    /// What the server presents.
    enum Presenting: Sendable {
        /// `sharedPKI.hscnServer`: chains to the test root, names localhost and 127.0.0.1.
        case good
        /// Chains to the root but expired on 2026-01-01, before `TestPKI.asOf`.
        case expired
        /// Chains to the root but names only gateway.example.nhs.uk.
        case wrongHost
        /// Names localhost but chains to a root nobody trusts.
        case untrusted
        /// Chains to the root and names localhost, but is not one of the declared certificates.
        case undeclared
        /// Chains to the root and names localhost, but its extended key usage is only clientAuth.
        case clientOnly
    }

    static let expiredOn = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    static let certificates: [Presenting: IssuedCertificate] = {
        let serverNames = "DNS:localhost,IP:127.0.0.1"
        let strangerRoot = TestPKI.authority("Stranger Root")
        func leaf(
            _ issuer: IssuedCertificate, _ names: String, notAfter: Date = TestPKI.validUntil, extendedKeyUsage: String = "serverAuth",
            serial: Int
        ) -> IssuedCertificate {
            issuer.issueLeaf(
                commonName: "localhost", notAfter: notAfter, keyUsage: "critical,digitalSignature,keyEncipherment",
                extendedKeyUsage: extendedKeyUsage, subjectAltNames: names, serial: serial)
        }
        return [
            .good: sharedPKI.hscnServer,
            .expired: leaf(sharedPKI.root, serverNames, notAfter: expiredOn, serial: 201),
            .wrongHost: leaf(sharedPKI.root, "DNS:gateway.example.nhs.uk", serial: 202),
            .untrusted: leaf(strangerRoot, serverNames, serial: 203),
            .undeclared: leaf(sharedPKI.root, serverNames, serial: 204),
            .clientOnly: leaf(sharedPKI.root, serverNames, extendedKeyUsage: "clientAuth", serial: 205),
        ]
    }()

    /// Starts a server presenting `presenting`; stop it with `stop()` (or let it go).
    static func start(_ presenting: Presenting, extraArguments: [String] = []) throws -> TLSServerProcess {
        // The dictionary holds every case.
        try TLSServerProcess(identity: certificates[presenting]!, extraArguments: extraArguments)
    }

    /// A probe configuration for loopback tests: trusts the test root, declares `sharedPKI.hscnServer`, verifies at `TestPKI.asOf`.
    static func configuration(
        declared: Set<String>? = [sharedPKI.hscnServer.certificate.sha256Fingerprint],
        allowing networks: [String] = ["127.0.0.0/8"],
        connectTimeout: Duration = .seconds(3), totalTimeout: Duration = .seconds(4)
    ) -> ProbeConfiguration {
        ProbeConfiguration(
            anchors: [sharedPKI.root.certificate], declaredCertificateSha256: declared, asOf: TestPKI.asOf,
            allowedNetworks: networks.compactMap { IPNetwork(cidr: $0) },
            connectTimeout: connectTimeout, totalTimeout: totalTimeout)
    }
}
