import Foundation
import PKIFixtures
@testable import EvidenceVerifier

/// Builds evidence bundles for every suite from DESIGN §3: files on disk, a manifest pinning their SHA-256,
/// and real CMS signatures made with `PKIFixtures` identities. Tests read what it writes with the real
/// `EvidenceBundleReader` (`read(in:)`, `verify(_:pki:)`), so every file state comes from the reader.
struct BundleBuilder {
    var odsCode = "B86001"
    var organisationName = "Example Medical Practice"
    var staffCount: Int? = 4
    var directCare: [String: Any] = ["provides": true, "services": ["general practice"], "basis": "GDPR Article 9(2)(h)"]
    /// The manifest's `hscn.endpoints`; nil leaves out the `hscn` section.
    var endpoints: [String]? = nil
    private(set) var files: [(path: String, data: Data)] = []
    private(set) var entries: [[String: Any]] = []

    /// A bundle listing one small user list: enough for integrity, signature and report tests.
    static func withUserList() -> BundleBuilder {
        var builder = BundleBuilder()
        builder.add("user-accounts", "staff/users.csv", "Email\na.manager@nhs.net\n")
        return builder
    }

    /// Adds a file and lists it in the manifest (with its true SHA-256 unless `sha256` overrides it).
    mutating func add(_ kind: String, _ path: String, _ data: Data, sha256: String? = nil, signature: String? = nil) {
        files.append((path, data))
        var entry: [String: Any] = ["kind": kind, "path": path, "sha256": sha256 ?? SHA256Digest.hex(of: data)]
        if let signature { entry["signature"] = signature }
        entries.append(entry)
    }

    mutating func add(_ kind: String, _ path: String, _ text: String) {
        add(kind, path, Data(text.utf8))
    }

    mutating func add(_ kind: EvidenceKind, _ path: String, _ data: Data) {
        add(kind.rawValue, path, data)
    }

    /// Writes `data` but pins the SHA-256 of other bytes: the reader finds the file's digest does not match.
    mutating func addTampered(_ kind: EvidenceKind, _ path: String, _ data: Data) {
        add(kind.rawValue, path, data, sha256: SHA256Digest.hex(of: data + Data("tampered".utf8)))
    }

    /// Adds a file to the folder without listing it.
    mutating func addUnlisted(_ path: String, _ data: Data) {
        files.append((path, data))
    }

    /// Lists an entry whose file is not written.
    mutating func list(_ kind: String, _ path: String, sha256: String = String(repeating: "0", count: 64)) {
        entries.append(["kind": kind, "path": path, "sha256": sha256])
    }

    func manifestData() -> Data {
        var organisation: [String: Any] = [
            "odsCode": odsCode, "name": organisationName, "accessRequested": "read-only", "directCare": directCare,
        ]
        if let staffCount { organisation["staffCount"] = staffCount }
        var manifest: [String: Any] = [
            "format": "lcr-evidence/1", "organisation": organisation,
            "contact": ["name": "A Manager", "email": "a.manager@nhs.net"], "evidence": entries,
        ]
        if let endpoints { manifest["hscn"] = ["endpoints": endpoints] }
        return try! JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
    }

    /// Writes the bundle into `folder/name`, signing the manifest with `signer` (unsigned when nil).
    @discardableResult
    func write(in folder: TestFolder, name: String = "bundle", signer: IssuedCertificate?) throws -> URL {
        let root = folder.path(name)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, data) in files { try folder.write(data, to: "\(name)/\(path)") }
        let manifest = manifestData()
        try manifest.write(to: root.appendingPathComponent("manifest.json"))
        if let signer {
            try signer.signingIdentity().signDetached(manifest).write(to: root.appendingPathComponent("manifest.json.p7s"))
        }
        return root
    }
}

extension BundleBuilder {
    /// Writes the bundle into a new folder under `folder` (unsigned unless `signer` is given) and reads it
    /// with the real reader. The bundle's files are the reader's private copies; keep `folder` while checks run.
    func read(in folder: TestFolder, signer: IssuedCertificate? = nil, limits: Policy.Evidence = Policy.defaults.evidence) throws -> EvidenceBundle {
        let root = try write(in: folder, name: "bundle-\(UUID().uuidString)", signer: signer)
        return try EvidenceBundleReader(limits: limits).read(root)
    }
}

/// Reads a bundle and runs the standard checks over it at a fixed instant, with `pki.root` as every anchor.
func verify(
    _ bundle: URL, pki: TestPKI, asOf: Date = TestPKI.asOf, generatedAt: Date? = nil, policy: Policy = .defaults,
    checks: [any Check] = Verifier.standardChecks
) async throws -> VerificationReport {
    let verification = try BundleVerification(
        policy: policy, signerAnchors: [pki.root.certificate], hscnAnchors: [pki.root.certificate], probeEndpoints: false,
        checks: checks)
    return try await verification.verify(bundle, asOf: asOf, generatedAt: generatedAt ?? asOf)
}

/// The one place tests make a `VerificationContext`: `bundle` verified at `asOf`, trusting `anchors` for
/// signatures and `hscnAnchors` (the same unless given) for HSCN, with probes off unless asked.
func testContext(
    _ bundle: EvidenceBundle, asOf: Date = TestPKI.asOf, policy: Policy = .defaults, anchors: [Certificate],
    hscnAnchors: [Certificate]? = nil, probeEndpoints: Bool = false, allowedNetworks: [IPNetwork] = [],
    references: ReferenceLists = .none
) throws -> VerificationContext {
    try BundleVerification(
        policy: policy, signerAnchors: anchors, hscnAnchors: hscnAnchors ?? anchors, probeEndpoints: probeEndpoints,
        extraNetworks: allowedNetworks, references: references
    ).context(for: bundle, asOf: asOf)
}

extension VerificationReport {
    func prerequisite(_ id: PrerequisiteID) -> PrerequisiteResult {
        prerequisites.first { $0.id == id }!
    }

    func codes(_ id: PrerequisiteID) -> [String] {
        prerequisite(id).findings.map(\.code.rawValue)
    }
}
