import Foundation

/// Seals a bundle folder (`bundle seal`): re-hashes every file the manifest lists, writes the manifest
/// in its one canonical form (`ManifestWriter`) and signs its exact bytes (detached DER CMS, SHA-256).
///
/// Before anything is written it lints the bundle exactly as `check --no-probe` would judge it: the real
/// `BundleVerification`, without live probes, over the folder as it will be once sealed (the new
/// manifest and signature in place of the old). With `strict`, a bundle that would not be eligible is
/// left untouched. Otherwise `manifest.json` and then `manifest.json.p7s` are each replaced in one step,
/// so a bundle is never left with half a file.
public struct BundleSealer: Sendable {
    public let verification: BundleVerification

    /// Lints with `policy` and the anchors; endpoints are never probed.
    public init(policy: Policy, signerAnchors: [Certificate], hscnAnchors: [Certificate]) throws(InputError) {
        verification = try BundleVerification(
            policy: policy, signerAnchors: signerAnchors, hscnAnchors: hscnAnchors, probeEndpoints: false)
    }

    /// What sealing did.
    public struct Outcome: Sendable {
        /// What `check --no-probe` says of the bundle as sealed (or as it would have been sealed).
        public let report: VerificationReport
        /// False when `strict` refused to seal: nothing was written.
        public let sealed: Bool
        /// The manifest written (or that would have been written).
        public let manifest: Manifest
    }

    /// Seals the bundle at `folder` with `identity`, linting it as of `asOf`; with `strict`, refuses to write
    /// anything when the lint's decision is not eligible. Throws `InputError` when a listed file cannot be
    /// hashed (missing, a link, not a regular file, too large) or the bundle cannot be written.
    public func seal(_ folder: URL, identity: SigningIdentity, asOf: Date, strict: Bool) async throws -> Outcome {
        let root = try WritableFolder(folder.path)
        try root.lock()
        defer { withExtendedLifetime(root) {} }
        try root.requireRegularFileOrNothing(EvidenceBundleReader.manifestSignatureName)
        var manifest = try ManifestFile.read(in: folder)
        let directory = try BundleDirectory(folder)
        for index in manifest.evidence.indices {
            manifest.evidence[index].sha256 = try digest(of: manifest.evidence[index].path, in: directory)
        }
        let bytes = try ManifestWriter.encode(manifest)
        let signature: Data
        do {
            signature = try identity.signDetached(bytes)
        } catch {
            throw InputError("--signing-key", "cannot sign the manifest (\(error))")
        }
        let bundle = try EvidenceBundleReader(limits: verification.policy.evidence)
            .read(folder: folder, staged: .init(manifest: bytes, signature: signature))
        let report = await verification.verify(bundle, asOf: asOf, generatedAt: asOf)
        if strict, report.decision != .eligible {
            return Outcome(report: report, sealed: false, manifest: manifest)
        }
        try root.replace(EvidenceBundleReader.manifestName, data: bytes)
        try root.replace(EvidenceBundleReader.manifestSignatureName, data: signature)
        return Outcome(report: report, sealed: true, manifest: manifest)
    }

    /// The SHA-256 of the listed file at `path`, opened inside the bundle without following links.
    private func digest(of path: String, in directory: BundleDirectory) throws(InputError) -> String {
        let name = "\(directory.url.path)/\(path)"
        if let problem = BundlePath.problem(with: path) {
            throw InputError(name, "is listed in the manifest but its path \(problem); refused")
        }
        switch directory.openFile(path) {
        case .failure(.missing):
            throw InputError(name, "is listed in the manifest but missing; put it back before sealing")
        case .failure(.link):
            throw InputError(name, "is, or passes through, a symbolic link; bundle files must be regular files")
        case .failure(.notARegularFile):
            throw InputError(name, "is not a regular file (a folder, FIFO, socket or device); refused")
        case .failure(.unreadable(let reason)):
            throw InputError(name, "cannot be read (\(reason))")
        case .success(let opened):
            let source = try EvidenceSource(
                descriptor: opened.descriptor, path: name, limit: verification.policy.evidence.maximumFileBytes,
                limitOrigin: "the policy allows (evidence.maximumFileBytes)")
            return try source.copy(to: nil, outputName: name).sha256
        }
    }
}
