import Foundation

/// A bundle as read from disk: the manifest (or why it is unusable), every listed file with its
/// measured SHA-256, the files nobody listed, and the signature bytes to verify.
///
/// Reading records facts; the `evidence-integrity` check judges them.
public struct EvidenceBundle: Sendable {
    /// What the user named: a folder or a `.zip`.
    public let source: URL
    /// The folder the evidence is read from (a private temporary copy for a zip).
    public let root: URL
    public let manifest: ManifestState
    /// SHA-256 of the exact manifest bytes, when there is a manifest.
    public let manifestSha256: String?
    /// The manifest bytes (what `manifest.json.p7s` signs), when there is a manifest.
    public let manifestBytes: Data?
    /// The bytes of `manifest.json.p7s`, when present.
    public let manifestSignature: Data?
    public let files: [EvidenceFile]
    /// Paths of files in the bundle that the manifest does not list (sorted).
    public let unlistedPaths: [String]
    /// Keeps the private copy of a zip alive while the bundle is in use.
    let storage: TemporaryDirectory?

    /// Listed files of `kind` whose bytes match the manifest: the only evidence a check may rely on.
    public func usableFiles(_ kind: EvidenceKind) -> [EvidenceFile] {
        files.filter { $0.entry.kind == kind.rawValue && $0.isIntact }
    }

    /// Listed files of `kind` whatever their state, so a check can say why none is usable.
    public func listedFiles(_ kind: EvidenceKind) -> [EvidenceFile] {
        files.filter { $0.entry.kind == kind.rawValue }
    }
}

/// Whether the bundle has a usable manifest.
public enum ManifestState: Sendable {
    case missing
    case invalid(ManifestProblem)
    case parsed(Manifest)

    public var manifest: Manifest? {
        if case .parsed(let manifest) = self { return manifest }
        return nil
    }
}

/// One file the manifest lists, and what reading it found.
public struct EvidenceFile: Sendable {
    public let entry: EvidenceEntry
    /// Where its bytes are, when the path was acceptable and the file exists.
    public let url: URL?
    public let state: State
    /// The detached signature's bytes, or why they could not be read, when the entry names one.
    public let signature: SignatureFile?

    public enum State: Sendable, Equatable {
        /// Present and its SHA-256 matches the manifest.
        case intact(bytes: Int64)
        case digestMismatch(actual: String, bytes: Int64)
        case missing
        /// The path is absolute, climbs with `..`, or a link takes it outside the bundle.
        case outsideBundle(String)
        case notARegularFile
        case tooLarge(limit: Int64)
        case unreadable(String)
    }

    /// The state of a listed signature file.
    public enum SignatureFile: Sendable {
        case bytes(Data)
        case unusable(String)
    }

    public var isIntact: Bool {
        if case .intact = state { return true }
        return false
    }

    /// Size in bytes, when it was read.
    public var bytes: Int64? {
        switch state {
        case .intact(let bytes), .digestMismatch(_, let bytes): bytes
        default: nil
        }
    }

    /// The measured SHA-256 when it differs from the manifest, else the manifest's value.
    public var measuredSha256: String {
        if case .digestMismatch(let actual, _) = state { return actual }
        return entry.sha256.lowercased()
    }
}

/// A private (0700) temporary folder removed when the last reference goes.
final class TemporaryDirectory: Sendable {
    let url: URL

    init(prefix: String) throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/\(prefix)-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw InputError(FileManager.default.temporaryDirectory.path, "cannot create a private temporary folder")
        }
        url = URL(fileURLWithPath: String(cString: created), isDirectory: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
