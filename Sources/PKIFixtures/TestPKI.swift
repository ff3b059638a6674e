import EvidenceVerifier
import Foundation

/// A small PKI with fixed dates for tests: one root per purpose plus typical leaves, and a
/// `--trust` folder laid out as the command line expects (`signers/`, `hscn/`, `report-signing/`).
public struct TestPKI: Sendable {
    /// 2025-01-01T00:00:00Z: every default certificate is valid from here…
    public static let validFrom = Date(timeIntervalSince1970: 1_735_689_600)
    /// …until 2030-01-01T00:00:00Z.
    public static let validUntil = Date(timeIntervalSince1970: 1_893_456_000)
    /// 2026-04-01T12:00:00Z: a convenient as-of instant inside every default validity window.
    public static let asOf = Date(timeIntervalSince1970: 1_775_044_800)

    public let root: IssuedCertificate
    /// An applicant's responsible officer: signs manifests and evidence.
    public let signer: IssuedCertificate
    public let reportSigner: IssuedCertificate
    /// A TLS server certificate for `localhost` / `127.0.0.1`.
    public let hscnServer: IssuedCertificate

    public init() {
        root = Self.authority("LCR Test Root", serial: 1)
        signer = root.issueLeaf(commonName: "A Manager", email: "a.manager@nhs.net", extendedKeyUsage: "emailProtection", serial: 2)
        reportSigner = root.issueLeaf(commonName: "LCR IG Steering Group", extendedKeyUsage: "emailProtection", serial: 3)
        hscnServer = root.issueLeaf(
            commonName: "localhost", keyUsage: "critical,digitalSignature,keyEncipherment", extendedKeyUsage: "serverAuth",
            subjectAltNames: "DNS:localhost,IP:127.0.0.1", serial: 4)
    }

    /// A CA certificate over the default window: a self-signed root, or an intermediate under `issuer`.
    /// `keyUsage` nil gives `critical,keyCertSign,cRLSign`.
    public static func authority(
        _ commonName: String, issuer: IssuedCertificate? = nil, key: TestKey = .ec(), keyUsage: String? = nil,
        extendedKeyUsage: String? = nil, serial: Int = 1
    ) -> IssuedCertificate {
        CertificateFactory.issue(
            CertificateSpec(
                commonName: commonName, notBefore: validFrom, notAfter: validUntil, isCA: true, keyUsage: keyUsage,
                extendedKeyUsage: extendedKeyUsage, serial: serial),
            key: key, issuer: issuer)
    }

    /// Writes `root` as the anchor of every purpose under a new folder and returns it.
    public func writeTrustDirectory(in parent: URL) throws -> URL {
        let trust = parent.appendingPathComponent("trust", isDirectory: true)
        for purpose in ["signers", "hscn", "report-signing"] {
            let folder = trust.appendingPathComponent(purpose, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(root.certificate.pemString.utf8).write(to: folder.appendingPathComponent("root.pem"))
        }
        return trust
    }
}

extension IssuedCertificate {
    /// Issues an EC P-256 leaf signed by this certificate, valid over `TestPKI`'s default window unless told otherwise.
    public func issueLeaf(
        commonName: String, organisation: String = "LCR Test PKI", email: String? = nil,
        notBefore: Date = TestPKI.validFrom, notAfter: Date = TestPKI.validUntil,
        keyUsage: String? = "critical,digitalSignature,nonRepudiation", extendedKeyUsage: String? = nil,
        subjectAltNames: String? = nil, digest: String = "sha256", key: TestKey = .ec(), serial: Int = 100
    ) -> IssuedCertificate {
        CertificateFactory.issue(
            CertificateSpec(
                commonName: commonName, organisation: organisation, email: email, notBefore: notBefore, notAfter: notAfter,
                keyUsage: keyUsage, extendedKeyUsage: extendedKeyUsage,
                subjectAltNames: subjectAltNames ?? email.map { "email:\($0)" }, digest: digest, serial: serial),
            key: key, issuer: self)
    }
}
