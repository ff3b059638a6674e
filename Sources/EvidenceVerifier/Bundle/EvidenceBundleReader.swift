import Foundation

/// Reads a bundle (a folder, or a `.zip` of one) into an `EvidenceBundle`: the manifest, each listed
/// file's measured SHA-256 and size, signature bytes, and files nobody listed.
///
/// Throws `InputError` only when the bundle cannot be read at all (no such path, not a folder or zip,
/// a hostile zip); everything wrong *inside* a readable bundle is recorded for the checks to judge.
public struct EvidenceBundleReader: Sendable {
    public static let manifestName = "manifest.json"
    public static let manifestSignatureName = "manifest.json.p7s"
    /// Largest detached signature read.
    static let maximumSignatureBytes = 1 << 20
    /// Most files walked when looking for unlisted ones.
    static let maximumWalkedFiles = 100_000

    public let limits: Policy.Evidence

    public init(limits: Policy.Evidence = Policy.defaults.evidence) {
        self.limits = limits
    }

    public func read(_ source: URL) throws -> EvidenceBundle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
            throw InputError(source.path, "no such bundle (expected a folder or a .zip)")
        }
        if isDirectory.boolValue {
            return try read(root: source.standardizedFileURL, source: source, storage: nil)
        }
        guard Self.isZip(source) else {
            throw InputError(source.path, "is neither a folder nor a .zip bundle")
        }
        let (storage, root) = try ZipExtractor(limits: limits).extract(source)
        return try read(root: root, source: source, storage: storage)
    }

    private func read(root: URL, source: URL, storage: TemporaryDirectory?) throws -> EvidenceBundle {
        let manifestURL = root.appendingPathComponent(Self.manifestName)
        let manifestBytes = try readSmallFile(manifestURL, limit: ManifestParser.maximumBytes, within: root)
        let manifestState: ManifestState
        switch manifestBytes.map(ManifestParser.parse) {
        case nil: manifestState = .missing
        case .success(let manifest): manifestState = .parsed(manifest)
        case .failure(let problem): manifestState = .invalid(problem)
        }
        let signature = try readSmallFile(root.appendingPathComponent(Self.manifestSignatureName), limit: Self.maximumSignatureBytes, within: root)

        let entries = manifestState.manifest?.evidence ?? []
        let files = entries.map { inspect($0, in: root) }
        let known = Set([Self.manifestName, Self.manifestSignatureName] + entries.map(\.path) + entries.compactMap(\.signature))
        let unlisted = try walk(root).filter { !known.contains($0) }

        return EvidenceBundle(
            source: source, root: root, manifest: manifestState,
            manifestSha256: manifestBytes.map(SHA256Digest.hex(of:)), manifestBytes: manifestBytes,
            manifestSignature: signature, files: files, unlistedPaths: unlisted, storage: storage)
    }

    /// One listed file: where it is, whether it stays inside the bundle, its size and SHA-256, its signature.
    private func inspect(_ entry: EvidenceEntry, in root: URL) -> EvidenceFile {
        let signature = entry.signature.map { readSignature($0, in: root) }
        let url: URL
        switch BundlePath.resolve(entry.path, in: root) {
        case .failure(.refused(let reason)):
            return EvidenceFile(entry: entry, url: nil, state: .outsideBundle(reason), signature: signature)
        case .success(let resolved):
            url = resolved
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return EvidenceFile(entry: entry, url: nil, state: .missing, signature: signature)
        }
        guard !isDirectory.boolValue, Self.isRegularFile(url) else {
            return EvidenceFile(entry: entry, url: nil, state: .notARegularFile, signature: signature)
        }
        let state: EvidenceFile.State
        do {
            let measured = try SHA256Digest.ofFile(at: url, maximumBytes: limits.maximumFileBytes)
            state = measured.sha256 == entry.sha256.lowercased()
                ? .intact(bytes: measured.bytes)
                : .digestMismatch(actual: measured.sha256, bytes: measured.bytes)
        } catch is SHA256Digest.FileTooLarge {
            state = .tooLarge(limit: limits.maximumFileBytes)
        } catch {
            state = .unreadable(String(describing: error))
        }
        return EvidenceFile(entry: entry, url: url, state: state, signature: signature)
    }

    private func readSignature(_ path: String, in root: URL) -> EvidenceFile.SignatureFile {
        switch BundlePath.resolve(path, in: root) {
        case .failure(.refused(let reason)):
            return .unusable("signature path \(path) \(reason)")
        case .success(let url):
            guard FileManager.default.fileExists(atPath: url.path), Self.isRegularFile(url) else {
                return .unusable("signature file \(path) is missing")
            }
            guard let data = try? Data(contentsOf: url), data.count <= Self.maximumSignatureBytes else {
                return .unusable("signature file \(path) is unreadable or larger than \(Self.maximumSignatureBytes) bytes")
            }
            return .bytes(data)
        }
    }

    /// Reads a small file at the bundle root, or nil when absent. A link leaving the bundle is treated as absent.
    private func readSmallFile(_ url: URL, limit: Int, within root: URL) throws -> Data? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard case .success(let resolved) = BundlePath.resolve(url.lastPathComponent, in: root), Self.isRegularFile(resolved) else {
            return nil
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: resolved.path)[.size] as? Int) ?? 0
        guard size <= limit else { return Data(count: limit + 1) }  // the parser reports the size
        do {
            return try Data(contentsOf: resolved)
        } catch {
            throw InputError(url.path, "cannot be read")
        }
    }

    /// Relative paths of every non-directory entry below `root` (links are listed, not followed), sorted.
    private func walk(_ root: URL) throws -> [String] {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey], options: []) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true { walker.skipDescendants() }
            if values?.isDirectory == true, values?.isSymbolicLink != true { continue }
            guard url.path.hasPrefix(rootPath) else { continue }
            paths.append(String(url.path.dropFirst(rootPath.count)))
            if paths.count > Self.maximumWalkedFiles {
                throw InputError(root.path, "holds more than \(Self.maximumWalkedFiles) files; refused")
            }
        }
        return paths.sorted()
    }

    private static func isRegularFile(_ url: URL) -> Bool {
        var status = stat()
        return stat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    private static func isZip(_ url: URL) -> Bool {
        if url.pathExtension.lowercased() == "zip" { return true }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return magic == Data([0x50, 0x4b, 0x03, 0x04]) || magic == Data([0x50, 0x4b, 0x05, 0x06])
    }
}
