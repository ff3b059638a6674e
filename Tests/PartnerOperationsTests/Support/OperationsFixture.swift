import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

/// A fresh data folder, the repository's demo trust anchors and report-signing key, and its example bundles.
final class OperationsFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// 2026-04-01T12:00:00Z: every example bundle's evidence is current then.
    static let asOf = Date(timeIntervalSince1970: 1_775_044_800)

    let folder: URL
    let dataDirectory: DataDirectory
    let registry: PartnerRegistry

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("operations-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        dataDirectory = DataDirectory(folder.appendingPathComponent("data", isDirectory: true))
        registry = try PartnerRegistry.open(dataDirectory)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    static func example(_ name: String) -> URL {
        repository.appendingPathComponent("evidence/\(name)", isDirectory: true)
    }

    static func settings(policy: Policy = .defaults) throws -> VerificationSettings {
        let certs = repository.appendingPathComponent("certs", isDirectory: true)
        return VerificationSettings(
            verification: try BundleVerification(
                policy: policy,
                signerAnchors: try TrustAnchors.load(.signers, from: certs),
                hscnAnchors: try TrustAnchors.load(.hscn, from: certs),
                probeEndpoints: false),
            signingIdentity: try SigningIdentity(
                keyFile: certs.appendingPathComponent("demo/report-signer.key.pem"),
                certificateFile: certs.appendingPathComponent("demo/report-signer.pem")))
    }

    /// A copy of an example bundle whose manifest names another organisation (its signature no longer matches).
    func bundle(_ example: String, as odsCode: String) throws -> URL {
        let copy = folder.appendingPathComponent("\(example)-\(odsCode)", isDirectory: true)
        try FileManager.default.copyItem(at: Self.example(example), to: copy)
        let manifest = copy.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "\"B86001\"", with: "\"\(odsCode)\"")
        try Data(text.utf8).write(to: manifest)
        return copy
    }

    func submit(_ bundle: URL, policy: Policy = .defaults, asOf: Date = OperationsFixture.asOf) async throws -> SubmissionIntake.Outcome {
        try await SubmissionIntake(registry: registry, settings: try Self.settings(policy: policy)).submit(bundle, asOf: asOf, receivedAt: asOf)
    }

    /// Every file under the data folder, relative to it.
    func files() -> [String] {
        let root = dataDirectory.root.path
        return (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }
}
