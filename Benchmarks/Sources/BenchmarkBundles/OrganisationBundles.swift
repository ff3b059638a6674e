import EvidenceVerifier
import Foundation

/// Bundles for many organisations made from the eligible example: each its own ODS code (`Y00000`, …),
/// its own DSPT row, and its manifest pinning the new digest signed again with the DEMO applicant key, so
/// every one is eligible as of `asOf` and has bytes of its own.
public struct OrganisationBundles: Sendable {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    public static let certs = repository.appendingPathComponent("certs", isDirectory: true)
    /// 2026-04-01T12:00:00Z: the example's evidence is current then.
    public static let asOf = Date(timeIntervalSince1970: 1_775_044_800)

    let template = repository.appendingPathComponent("evidence/eligible")
    let manifest: String
    let dspt: String
    let dsptSha256: String
    let applicant: SigningIdentity

    public init() throws {
        manifest = try String(contentsOf: template.appendingPathComponent("manifest.json"), encoding: .utf8)
        dspt = try String(contentsOf: template.appendingPathComponent("dspt/assessment.csv"), encoding: .utf8)
        dsptSha256 = SHA256Digest.hex(of: Data(dspt.utf8))
        applicant = try SigningIdentity(
            keyFile: Self.certs.appendingPathComponent("demo/applicant-signer.key.pem"),
            certificateFile: Self.certs.appendingPathComponent("demo/applicant-signer.pem"))
    }

    public static func odsCode(_ index: Int) -> String { String(format: "Y%05d", index) }

    /// Writes organisation `index`'s bundle folder at `bundle` (which must not exist).
    public func write(_ index: Int, to bundle: URL) throws {
        let odsCode = Self.odsCode(index)
        try FileManager.default.createDirectory(at: bundle.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: template, to: bundle)
        let ownDSPT = Data(dspt.replacingOccurrences(of: "B86001", with: odsCode).utf8)
        try ownDSPT.write(to: bundle.appendingPathComponent("dspt/assessment.csv"))
        let bytes = Data(manifest.replacingOccurrences(of: "\"B86001\"", with: "\"\(odsCode)\"")
            .replacingOccurrences(of: dsptSha256, with: SHA256Digest.hex(of: ownDSPT)).utf8)
        try bytes.write(to: bundle.appendingPathComponent("manifest.json"))
        try applicant.signDetached(bytes).write(to: bundle.appendingPathComponent("manifest.json.p7s"))
    }

    /// The verification settings of the examples: DEMO anchors, no probes, the DEMO report-signing key.
    public static func settings() throws -> (verification: BundleVerification, reportSigner: SigningIdentity) {
        (
            try BundleVerification(
                policy: .defaults, signerAnchors: try TrustAnchors.load(.signers, from: certs),
                hscnAnchors: try TrustAnchors.load(.hscn, from: certs), probeEndpoints: false),
            try SigningIdentity(
                keyFile: certs.appendingPathComponent("demo/report-signer.key.pem"),
                certificateFile: certs.appendingPathComponent("demo/report-signer.pem"))
        )
    }

    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
