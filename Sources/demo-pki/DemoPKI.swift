import EvidenceVerifier
import Foundation
import PKIFixtures

/// Writes the DEMO PKI under a folder (default `certs/`): one root per purpose and the demo keys.
/// Every date is fixed (2025-01-01 to 2035-01-01), so the same layout comes out each run; the keys
/// are new each run. Nothing here is for production.
@main
enum DemoPKI {
    static let notBefore = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z
    static let notAfter = Date(timeIntervalSince1970: 2_051_222_400)  // 2035-01-01T00:00:00Z
    static let organisation = "LCR DEMO PKI - NOT FOR PRODUCTION"

    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let output = URL(fileURLWithPath: arguments.first ?? "certs", isDirectory: true)

        let evidenceRoot = root("LCR DEMO Evidence-Signing Root", serial: 1)
        let hscnRoot = root("LCR DEMO HSCN Root", serial: 2)
        let reportRoot = root("LCR DEMO Report-Signing Root", serial: 3)
        let untrustedRoot = root("LCR DEMO Untrusted CA (not an anchor)", serial: 4)

        let applicant = evidenceRoot.issueLeaf(
            commonName: "DEMO Responsible Officer, Example Medical Practice", organisation: organisation, email: "demo.officer@nhs.net",
            notBefore: notBefore, notAfter: notAfter, extendedKeyUsage: "emailProtection", serial: 10)
        let untrusted = untrustedRoot.issueLeaf(
            commonName: "DEMO Untrusted Signer", organisation: organisation, email: "someone@nhs.net",
            notBefore: notBefore, notAfter: notAfter, extendedKeyUsage: "emailProtection", serial: 11)
        let endpoint = hscnRoot.issueLeaf(
            commonName: "localhost", organisation: organisation, notBefore: notBefore, notAfter: notAfter,
            keyUsage: "critical,digitalSignature,keyEncipherment", extendedKeyUsage: "serverAuth",
            subjectAltNames: "DNS:localhost,IP:127.0.0.1", key: .rsa(bits: 2048), serial: 12)
        let reportSigner = reportRoot.issueLeaf(
            commonName: "DEMO LCR Information Governance Steering Group", organisation: organisation, email: "demo.ig@nhs.net",
            notBefore: notBefore, notAfter: notAfter, extendedKeyUsage: "emailProtection", serial: 13)

        try write(evidenceRoot.certificate.pemString, to: output, "signers/demo-evidence-root.pem")
        try write(hscnRoot.certificate.pemString, to: output, "hscn/demo-hscn-root.pem")
        try write(reportRoot.certificate.pemString, to: output, "report-signing/demo-report-root.pem")
        for (name, issued) in [("applicant-signer", applicant), ("untrusted-signer", untrusted),
                               ("hscn-endpoint", endpoint), ("report-signer", reportSigner)] {
            try write(issued.certificate.pemString, to: output, "demo/\(name).pem")
            try write(String(decoding: issued.key.pem, as: UTF8.self), to: output, "demo/\(name).key.pem")
        }
        print("wrote the DEMO PKI under \(output.path)")
    }

    static func root(_ name: String, serial: Int) -> IssuedCertificate {
        CertificateFactory.issue(
            CertificateSpec(commonName: name, organisation: organisation,
                            notBefore: notBefore, notAfter: notAfter, isCA: true, serial: serial),
            key: .ec())
    }

    static func write(_ text: String, to folder: URL, _ path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
