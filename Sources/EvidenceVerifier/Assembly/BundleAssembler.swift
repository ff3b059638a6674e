import Foundation

/// Builds a bundle folder for an applicant, so nobody hand-writes JSON or digests: `create` starts it
/// from a declaration (`bundle init`), `add` copies one evidence file in under its kind's folder and
/// lists it with its SHA-256 (`bundle add`), `pack` zips it deterministically (`bundle pack`).
///
/// Every change is whole or absent: files are written under temporary names and then named, an
/// existing file is never overwritten (only `manifest.json` is replaced, in one step), a failure
/// part-way removes what this call wrote, and two commands cannot change one bundle at once.
public struct BundleAssembler: Sendable {
    /// Supplies `evidence.maximumFileBytes`, the largest evidence file `add` accepts.
    public let policy: Policy

    public init(policy: Policy = .defaults) {
        self.policy = policy
    }

    /// Creates `folder` (or takes an empty one) and writes the declaration's manifest into it.
    @discardableResult
    public func create(_ folder: URL, declaring declaration: BundleDeclaration) throws(InputError) -> Manifest {
        let manifest = try declaration.manifest()
        let bytes = try ManifestWriter.encode(manifest)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(folder.path, "cannot be created (\(SystemError(underlying: error).map(String.init(describing:)) ?? "not a folder"))")
        }
        let root = try WritableFolder(folder.path)
        try root.lock()
        guard try root.isEmpty() else {
            throw InputError(folder.path, "is not empty; bundle init starts a bundle in a new or empty folder")
        }
        try root.create(EvidenceBundleReader.manifestName, data: bytes)
        return manifest
    }

    /// What `add` listed: the manifest entry and how many bytes it copied.
    public struct Addition: Sendable, Equatable {
        public let entry: EvidenceEntry
        public let bytes: Int64
    }

    /// Copies `file` into the bundle at `folder` as `<kind's folder>/<name>` (`name` defaults to the file's
    /// own name), with `signature` beside it as `<name>.p7s`, and lists it in the manifest with its SHA-256.
    /// Refuses a file that is not a regular file or is over the policy's size, a name that is not a plain
    /// file name or is already listed or present, and a bundle without a valid manifest.
    public func add(_ file: URL, kind: EvidenceKind, signature: URL? = nil, name: String? = nil, to folder: URL) throws(InputError) -> Addition {
        let root = try WritableFolder(folder.path)
        try root.lock()
        defer { withExtendedLifetime(root) {} }
        var manifest = try ManifestFile.read(in: folder)
        let fileName = name ?? file.lastPathComponent
        let path = try Self.bundlePath(kind: kind, fileName: fileName, option: name == nil ? file.path : "--as")
        let signatureName = signature.map { _ in fileName + ".p7s" }
        let signaturePath = signatureName.map { "\(kind.folder)/\($0)" }
        for listed in [path] + (signaturePath.map { [$0] } ?? []) {
            // String equality is canonical, so a name that differs only in Unicode normalisation is caught too.
            if manifest.evidence.contains(where: { $0.path == listed || $0.signature == listed }) {
                throw InputError(listed, "is already listed in \(folder.path)/\(EvidenceBundleReader.manifestName); choose another name with --as")
            }
        }
        let source = try EvidenceSource(
            file.path, limit: policy.evidence.maximumFileBytes, limitOrigin: "the policy allows (evidence.maximumFileBytes)")
        let signatureSource = try signature.map { url throws(InputError) in
            try EvidenceSource(
                url.path, limit: Int64(EvidenceBundleReader.maximumSignatureBytes), limitOrigin: "a detached signature may hold")
        }

        let kindFolder = try root.subfolder(kind.folder, creating: true)
        let copied = try kindFolder.create(fileName) { (output: Int32) throws(InputError) in
            try source.copy(to: output, outputName: "\(kindFolder.path)/\(fileName)")
        }
        do throws(InputError) {
            if let signatureSource, let signatureName {
                try kindFolder.create(signatureName) { (output: Int32) throws(InputError) in
                    _ = try signatureSource.copy(to: output, outputName: "\(kindFolder.path)/\(signatureName)")
                }
            }
            let entry = EvidenceEntry(kind: kind.rawValue, path: path, sha256: copied.sha256, signature: signaturePath)
            manifest.evidence.append(entry)
            do throws(InputError) {
                try root.replace(EvidenceBundleReader.manifestName, data: try ManifestWriter.encode(manifest))
            } catch {
                if let signatureName { kindFolder.remove(signatureName) }
                throw error
            }
            return Addition(entry: entry, bytes: copied.bytes)
        } catch {
            kindFolder.remove(fileName)
            throw error
        }
    }

    /// Packs the bundle at `folder` into a new zip at `output` (`BundlePacker`: the same folder always gives
    /// the same bytes); refuses an existing `output`, even one created while packing.
    @discardableResult
    public func pack(_ folder: URL, to output: URL) throws(InputError) -> PackedBundle {
        let root = try WritableFolder(folder.path)
        try root.lock()
        defer { withExtendedLifetime(root) {} }
        var status = stat()
        guard lstat(output.path, &status) != 0 else { throw InputError(output.path, "already exists; nothing was overwritten") }
        let partial = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(UUID().uuidString).partial")
        let packed = try BundlePacker().pack(folder: folder, to: partial)
        defer { unlink(partial.path) }
        guard link(partial.path, output.path) == 0 else {
            if errno == EEXIST { throw InputError(output.path, "already exists; nothing was overwritten") }
            throw InputError(output.path, "cannot be written (\(SystemError(errno)))")
        }
        return packed
    }

    /// `<kind's folder>/<file name>`, when the name is one plain path component the bundle accepts.
    private static func bundlePath(kind: EvidenceKind, fileName: String, option: String) throws(InputError) -> String {
        guard !fileName.isEmpty, !fileName.contains("/"), fileName != ".", fileName != ".." else {
            throw InputError(option, "\"\(fileName.prefix(200))\" is not a plain file name; a bundle file goes in its kind's folder")
        }
        let path = "\(kind.folder)/\(fileName)"
        if let problem = BundlePath.problem(with: path) {
            throw InputError(option, "names a bundle path \(path.prefix(200)) that \(problem)")
        }
        return path
    }
}
