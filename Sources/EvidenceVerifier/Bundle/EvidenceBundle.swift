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

    /// Listed files of `kind` whose bytes match the manifest: the only evidence a check may rely on.
    public func usableFiles(_ kind: EvidenceKind) -> [EvidenceFile] {
        files.filter { $0.entry.kind == kind.rawValue && $0.isIntact }
    }

    /// Listed files of `kind` whatever their state, so a check can say why none is usable.
    public func listedFiles(_ kind: EvidenceKind) -> [EvidenceFile] {
        files.filter { $0.entry.kind == kind.rawValue }
    }
}
