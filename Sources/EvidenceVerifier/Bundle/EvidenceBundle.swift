import Foundation

/// A bundle as read from disk: the manifest (or why it is unusable), every listed file with its
/// measured SHA-256, the files nobody listed, and the signature bytes to verify.
///
/// Reading records facts; the `evidence-integrity` check judges them.
public struct EvidenceBundle: Sendable {
    /// What the user named: a folder or a `.zip`.
    public let source: URL
    /// The folder the evidence was read from (a private unpacked copy for a zip).
    public let root: URL
    public let manifest: ManifestState
    /// SHA-256 of the exact manifest bytes, when there is a manifest.
    public let manifestSha256: String?
    /// The manifest bytes (what `manifest.json.p7s` signs), when there is a manifest.
    public let manifestBytes: Data?
    /// The bytes of `manifest.json.p7s`, when present.
    public let manifestSignature: Data?
    /// Why a `manifest.json.p7s` that is there could not be read (a folder, FIFO or link, or too large).
    public let manifestSignatureProblem: String?
    public let files: [EvidenceFile]
    /// Paths of files in the bundle that the manifest does not list (sorted by their bytes).
    public let unlistedPaths: [String]
    /// Groups of names in the bundle that are different bytes but read as the same text.
    public let ambiguousNames: [[String]]
    /// Keeps the private copy of a zip alive while the bundle is in use.
    let storage: TemporaryDirectory?
    /// Keeps the private snapshot the checks read alive while the bundle is in use.
    let snapshot: EvidenceSnapshot

    /// Listed files of `kind` whose bytes match the manifest: the only evidence a check may rely on. Before
    /// `settled()`, large streamed files not read yet are among them (their reader hashes them as it parses).
    public func usableFiles(_ kind: EvidenceKind) -> [EvidenceFile] {
        files.filter { $0.entry.kind == kind.rawValue && $0.isReadable }
    }

    /// This bundle with every streamed file's state settled from what its one read measured (a stream no
    /// reader read is read and hashed now), and the kinds with a streamed file that turned out not to match
    /// the manifest: what their readers took from it must be set aside.
    func settled() -> (bundle: EvidenceBundle, setAside: Set<String>) {
        var setAside = Set<String>()
        let settledFiles = files.map { file -> EvidenceFile in
            guard case .unread = file.state, case .stream(let stream) = file.content else { return file }
            let measured = stream.measurement
            let state: EvidenceFile.State = if case .read(let sha256, let bytes) = measured {
                EvidenceBundleReader.state(measured: sha256, bytes: bytes, entry: file.entry)
            } else {
                .unreadable(measured.problem ?? "it was not read")
            }
            if case .intact = state {} else { setAside.insert(file.entry.kind) }
            return EvidenceFile(entry: file.entry, index: file.index, content: file.content, state: state, signature: file.signature)
        }
        let bundle = EvidenceBundle(
            source: source, root: root, manifest: manifest, manifestSha256: manifestSha256, manifestBytes: manifestBytes,
            manifestSignature: manifestSignature, manifestSignatureProblem: manifestSignatureProblem, files: settledFiles,
            unlistedPaths: unlistedPaths, ambiguousNames: ambiguousNames, storage: storage, snapshot: snapshot)
        return (bundle, setAside)
    }

    /// Listed files of `kind` whatever their state, so a check can say why none is usable.
    public func listedFiles(_ kind: EvidenceKind) -> [EvidenceFile] {
        files.filter { $0.entry.kind == kind.rawValue }
    }
}
