import Foundation
import PKIFixtures
@testable import EvidenceVerifier

/// Builds evidence bundles for tests from DESIGN §3: files, a manifest pinning their SHA-256, and
/// real CMS signatures made with `PKIFixtures` identities.
struct BundleBuilder {
    var odsCode = "B86001"
    var organisationName = "Example Medical Practice"
    var staffCount: Int? = 4
    var directCare: [String: Any] = ["provides": true, "services": ["general practice"], "basis": "GDPR Article 9(2)(h)"]
    var endpoints: [String] = []
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
        if !endpoints.isEmpty { manifest["hscn"] = ["endpoints": endpoints] }
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

/// Reads a bundle and runs the standard checks over it at a fixed instant, with `pki.root` as every anchor.
func verify(
    _ bundle: URL, pki: TestPKI, asOf: Date = TestPKI.asOf, policy: Policy = .defaults,
    checks: [any Check] = Verifier.standardChecks
) async throws -> VerificationReport {
    let verification = try BundleVerification(
        policy: policy, signerAnchors: [pki.root.certificate], hscnAnchors: [pki.root.certificate], probeEndpoints: false,
        checks: checks)
    return try await verification.verify(bundle, asOf: asOf, generatedAt: asOf)
}

extension VerificationReport {
    func prerequisite(_ id: PrerequisiteID) -> PrerequisiteResult {
        prerequisites.first { $0.id == id }!
    }

    func codes(_ id: PrerequisiteID) -> [String] {
        prerequisite(id).findings.map(\.code.rawValue)
    }
}

/// One shared test PKI: key generation is the slow part, and the certificates never change.
let sharedPKI = TestPKI()
