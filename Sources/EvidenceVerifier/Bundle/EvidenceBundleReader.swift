import Foundation

/// Reads a bundle (a folder, or a `.zip` of one) into an `EvidenceBundle`: the manifest, each listed
/// file's measured SHA-256 and size, signature bytes, and files nobody listed.
///
/// Folders and zips take one path: a zip is first unpacked into a private folder, then either folder is
/// opened once and every file is read exactly once through a descriptor opened inside it without
/// following links: into memory, or (large ones) as a stream its check parses while it is hashed, or into
/// the private `EvidenceSnapshot` (see `EvidenceBytes`). Paths are kept as their
/// exact bytes; two names that differ only in Unicode normalisation are refused as ambiguous.
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
        let descriptor = open(source.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw InputError(source.path, "no such bundle (expected a folder or a .zip)") }
            throw InputError(source.path, "cannot be opened (\(SystemError(errno)))")
        }
        defer { close(descriptor) }
        switch try Self.kind(of: descriptor, source: source) {
        case .folder:
            return try read(root: source, source: source, storage: nil, snapshot: .copying())
        case .zip:
            let (storage, root) = try ZipExtractor(limits: limits).extract(descriptor: descriptor, name: source.path)
            return try read(root: root, source: source, storage: storage, snapshot: .inPlace(privateRoot: root))
        }
    }

    /// Reads the bundle folder at `folder` as if its `manifest.json` and `manifest.json.p7s` held `staged`'s
    /// bytes (`bundle seal` lints the manifest it is about to write before anything on disk changes).
    func read(folder: URL, staged: StagedManifest) throws -> EvidenceBundle {
        try read(root: folder, source: folder, storage: nil, snapshot: .copying(), staged: staged)
    }

    /// A manifest and its signature not yet written into the bundle.
    struct StagedManifest {
        let manifest: Data
        let signature: Data
    }

    private enum SourceKind { case folder, zip }

    /// What the bundle open on `descriptor` is, found without blocking on a FIFO or device.
    private static func kind(of descriptor: Int32, source: URL) throws(InputError) -> SourceKind {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError(source.path, "cannot be read (\(SystemError(errno)))") }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            return .folder
        case S_IFREG:
            var magic = [UInt8](repeating: 0, count: 4)
            let count = pread(descriptor, &magic, 4, 0)
            let zipMagic: [[UInt8]] = [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]]
            guard source.pathExtension.lowercased() == "zip" || (count == 4 && zipMagic.contains(magic)) else {
                throw InputError(source.path, "is neither a folder nor a .zip bundle")
            }
            return .zip
        default:
            throw InputError(source.path, "is not a folder or a .zip but a FIFO, socket or device; refused")
        }
    }

    private func read(
        root: URL, source: URL, storage: TemporaryDirectory?, snapshot: EvidenceSnapshot, staged: StagedManifest? = nil
    ) throws -> EvidenceBundle {
        let folder = try BundleDirectory(root)
        let onDisk = try folder.walk(maximumEntries: Self.maximumWalkedFiles)
        let ambiguity = NameAmbiguity(onDisk)

        let manifestRead = staged.map { .success($0.manifest) } ?? folder.readSmallFile(Self.manifestName, limit: ManifestParser.maximumBytes)
        let manifestBytes = try? manifestRead.get()
        let manifestState: ManifestState
        switch manifestRead {
        case .success(let bytes):
            switch ManifestParser.parse(bytes) {
            case .success(let manifest): manifestState = .parsed(manifest)
            case .failure(let problem): manifestState = .invalid(problem)
            }
        case .failure(.open(.missing)): manifestState = .missing
        case .failure(let failure): manifestState = .invalid(ManifestProblem(Self.describe(failure, limit: ManifestParser.maximumBytes)))
        }
        let signatureRead = staged.map { .success($0.signature) }
            ?? folder.readSmallFile(Self.manifestSignatureName, limit: Self.maximumSignatureBytes)
        let signature = try? signatureRead.get()
        var signatureProblem: String?
        if case .failure(let failure) = signatureRead, failure != .open(.missing) {
            signatureProblem = Self.describe(failure, limit: Self.maximumSignatureBytes)
        }

        let entries = manifestState.manifest?.evidence ?? []
        let listedTwins = NameAmbiguity(entries.map { Array($0.path.utf8) })
        var budget = EvidenceBudget(limit: limits.maximumZipTotalBytes, source: source.path)
        var files: [EvidenceFile] = []
        for (index, entry) in entries.enumerated() {
            let twin = listedTwins.twin(of: Array(entry.path.utf8)) ?? ambiguity.twin(of: Array(entry.path.utf8))
            files.append(try inspect(entry, index: index, twin: twin, in: folder, snapshot: snapshot, budget: &budget))
        }
        var known = Set<[UInt8]>([Array(Self.manifestName.utf8), Array(Self.manifestSignatureName.utf8)])
        for entry in entries {
            known.insert(Array(entry.path.utf8))
            if let signature = entry.signature { known.insert(Array(signature.utf8)) }
        }
        let unlisted = onDisk.filter { !known.contains($0) }.map { String(decoding: $0, as: UTF8.self) }

        return EvidenceBundle(
            source: source, root: root, manifest: manifestState,
            manifestSha256: manifestBytes.map(SHA256Digest.hex(of:)), manifestBytes: manifestBytes,
            manifestSignature: signature, manifestSignatureProblem: signatureProblem, files: files, unlistedPaths: unlisted,
            ambiguousNames: ambiguity.groups, storage: storage, snapshot: snapshot)
    }

    /// One listed file: whether its path is acceptable, its bytes read once into the snapshot and hashed, its signature.
    private func inspect(
        _ entry: EvidenceEntry, index: Int, twin: String?, in folder: BundleDirectory, snapshot: EvidenceSnapshot,
        budget: inout EvidenceBudget
    ) throws(InputError) -> EvidenceFile {
        let signature = entry.signature.map { readSignature($0, in: folder) }
        func file(_ state: EvidenceFile.State, content: EvidenceBytes? = nil) -> EvidenceFile {
            EvidenceFile(entry: entry, index: index, content: content, state: state, signature: signature)
        }
        if let problem = BundlePath.problem(with: entry.path) { return file(.outsideBundle(problem)) }
        if let twin { return file(.ambiguous(twin: twin)) }
        let opened: (descriptor: Int32, size: Int64)
        switch folder.openFile(entry.path) {
        case .failure(.missing): return file(.missing)
        case .failure(.link): return file(.outsideBundle("is, or passes through, a symbolic link; bundle files must be regular files"))
        case .failure(.notARegularFile): return file(.notARegularFile)
        case .failure(.unreadable(let reason)): return file(.unreadable(reason))
        case .success(let descriptor): opened = descriptor
        }
        var owned = true
        defer { if owned { close(opened.descriptor) } }
        guard opened.size <= limits.maximumFileBytes else { return file(.tooLarge(limit: limits.maximumFileBytes)) }
        try budget.spend(opened.size)
        if opened.size <= EvidenceBytes.memoryLimit {
            do {
                let data = try InputFile.read(descriptor: opened.descriptor, name: entry.path, limit: Int(EvidenceBytes.memoryLimit))
                return file(Self.state(measured: SHA256Digest.hex(of: data), bytes: Int64(data.count), entry: entry), content: .memory(data))
            } catch {
                return file(.unreadable(error.problem))
            }
        }
        if EvidenceBytes.streamedKinds.contains(entry.kind), entry.signature == nil, budget.takeStream() {
            owned = false
            return file(.unread(bytes: opened.size), content: .stream(EvidenceStream(descriptor: opened.descriptor, limit: limits.maximumFileBytes)))
        }
        switch snapshot.take(opened.descriptor, path: entry.path, index: index, limit: limits.maximumFileBytes) {
        case .failure(.tooLarge): return file(.tooLarge(limit: limits.maximumFileBytes))
        case .failure(.unreadable(let reason)): return file(.unreadable(reason))
        case .success(let taken):
            return file(Self.state(measured: taken.sha256, bytes: taken.bytes, entry: entry), content: .privateFile(taken.url))
        }
    }

    /// Intact when `measured` is the SHA-256 the manifest pins for `entry`.
    static func state(measured: String, bytes: Int64, entry: EvidenceEntry) -> EvidenceFile.State {
        measured == entry.sha256.lowercased() ? .intact(bytes: bytes) : .digestMismatch(actual: measured, bytes: bytes)
    }

    private func readSignature(_ path: String, in folder: BundleDirectory) -> EvidenceFile.SignatureFile {
        if let problem = BundlePath.problem(with: path) { return .unusable("signature path \(path) \(problem)") }
        switch folder.readSmallFile(path, limit: Self.maximumSignatureBytes) {
        case .success(let data): return .bytes(data)
        case .failure(let failure): return .unusable("signature file \(path) \(Self.describe(failure, limit: Self.maximumSignatureBytes))")
        }
    }

    private static func describe(_ failure: BundleDirectory.SmallFileFailure, limit: Int) -> String {
        switch failure {
        case .open(.missing): "is missing"
        case .open(.link): "is a symbolic link; bundle files must be regular files"
        case .open(.notARegularFile): "is not a regular file (a folder, FIFO, socket or device)"
        case .open(.unreadable(let reason)): "cannot be read (\(reason))"
        case .tooLarge(let size): "is \(size) bytes, more than the \(limit) allowed"
        }
    }
}

/// The total bytes a bundle's listed files may hold, so one file listed many times, or many large
/// files, cannot make the snapshot unbounded; and how many may be held open as streams.
private struct EvidenceBudget {
    let limit: Int64
    let source: String
    private var spent: Int64 = 0
    private var streams = 0
    /// Most files held open as streams; further large files are copied privately instead.
    static let maximumStreams = 32

    /// Counts one more stream held open; false when there are already `maximumStreams`.
    mutating func takeStream() -> Bool {
        guard streams < Self.maximumStreams else { return false }
        streams += 1
        return true
    }

    init(limit: Int64, source: String) {
        self.limit = limit
        self.source = source
    }

    mutating func spend(_ bytes: Int64) throws(InputError) {
        spent += bytes
        guard spent <= limit else {
            throw InputError(source, "lists more than \(limit) bytes of evidence in total; refused")
        }
    }
}
