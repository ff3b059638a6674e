@testable import EvidenceVerifier
import Foundation
import PKIFixtures

/// A bundle folder with `hscn-certificate` files and a manifest declaring endpoints, plus a `--trust` folder,
/// in a temporary directory removed when the fixture goes. Stands in for the bundle reader in check tests.
final class HSCNFixture {
    let folder: URL
    let pki: TestPKI
    private(set) var files: [EvidenceFile] = []

    init(pki: TestPKI = TLSTestServer.pki) throws {
        self.pki = pki
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lcr-hscn-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("bundle/hscn"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Adds `bytes` as `hscn/<name>`; `intact: false` records it as not matching the manifest's SHA-256.
    func add(_ name: String, _ bytes: Data, intact: Bool = true) throws {
        let path = "hscn/\(name)"
        let url = folder.appendingPathComponent("bundle/\(path)")
        try bytes.write(to: url)
        let sha256 = SHA256Digest.hex(of: bytes)
        let state: EvidenceFile.State = intact
            ? .intact(bytes: Int64(bytes.count))
            : .digestMismatch(actual: SHA256Digest.hex(of: Data("other".utf8)), bytes: Int64(bytes.count))
        files.append(EvidenceFile(
            entry: EvidenceEntry(kind: EvidenceKind.hscnCertificate.rawValue, path: path, sha256: sha256, signature: nil),
            index: files.count, url: url, state: state, signature: nil))
    }

    /// Adds certificates (leaf first) as one PEM file.
    func add(_ name: String, pem certificates: [Certificate]) throws {
        try add(name, Data(certificates.map(\.pemString).joined().utf8))
    }

    /// A context for the `hscn` check at `TestPKI.asOf`, trusting the test root (plus `extraAnchors`).
    func context(
        endpoints: [String]? = ["https://gateway.example.nhs.uk/"], probe: Bool = false, allowedNetworks: [String] = [],
        extraAnchors: [Certificate] = [], withTrust: Bool = true
    ) throws -> VerificationContext {
        let anchors = withTrust ? [pki.root.certificate] + extraAnchors : []
        let manifest = Manifest(
            format: Manifest.format,
            organisation: Manifest.Organisation(
                odsCode: "B86001", name: "Example Medical Practice", staffCount: 42, accessRequested: "read-only", directCare: nil),
            contact: nil, evidence: files.map(\.entry), hscn: endpoints.map { Manifest.HSCNDeclaration(endpoints: $0) })
        let root = folder.appendingPathComponent("bundle")
        let bundle = EvidenceBundle(
            source: root, root: root, manifest: .parsed(manifest), manifestSha256: nil, manifestBytes: nil,
            manifestSignature: nil, files: files, unlistedPaths: [], ambiguousNames: [], storage: nil,
            snapshot: .inPlace(privateRoot: folder))
        var policy = Policy.defaults
        policy.probe.connectTimeoutSeconds = 2
        policy.probe.totalTimeoutSeconds = 3
        return try BundleVerification(
            policy: policy, signerAnchors: anchors, hscnAnchors: anchors, probeEndpoints: probe,
            extraNetworks: allowedNetworks.compactMap { IPNetwork(cidr: $0) }
        ).context(for: bundle, asOf: TestPKI.asOf)
    }
}
