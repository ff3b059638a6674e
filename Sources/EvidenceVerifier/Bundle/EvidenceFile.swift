import Foundation

/// One file the manifest lists, and what reading it found.
public struct EvidenceFile: Sendable {
    public let entry: EvidenceEntry
    /// Its position in the manifest's `evidence` list: what identifies it (two paths may read alike).
    public let index: Int
    /// Its bytes as read once from inside the bundle (see `EvidenceBytes`), when it could be read.
    public let content: EvidenceBytes?
    public let state: State
    /// The detached signature's bytes, or why they could not be read, when the entry names one.
    public let signature: SignatureFile?

    public enum State: Sendable, Equatable {
        /// Present and its SHA-256 matches the manifest.
        case intact(bytes: Int64)
        case digestMismatch(actual: String, bytes: Int64)
        /// A large streamed file not read yet: its SHA-256 is measured as its check parses it, and
        /// `EvidenceBundle.settled()` replaces this state before any check judges it.
        case unread(bytes: Int64)
        case missing
        /// The path is absolute, climbs with `..`, or is (or passes through) a symbolic link.
        case outsideBundle(String)
        case notARegularFile
        /// Another name in the bundle or the manifest is the same text in another Unicode spelling.
        case ambiguous(twin: String)
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

    /// Whether its reader may parse it: intact, or a stream whose digest is measured as it is parsed.
    var isReadable: Bool {
        switch state {
        case .intact, .unread: true
        default: false
        }
    }

    /// Size in bytes, when it was read.
    public var bytes: Int64? {
        switch state {
        case .intact(let bytes), .digestMismatch(_, let bytes), .unread(let bytes): bytes
        default: nil
        }
    }

    /// The measured SHA-256 when it differs from the manifest, else the manifest's value.
    public var measuredSha256: String {
        if case .digestMismatch(let actual, _) = state { return actual }
        return entry.sha256.lowercased()
    }
}

extension Sequence<EvidenceFile> {
    /// The bytes these files were read with, in all (a file not read counts 0): the bound a reader sizes
    /// its memory by.
    var totalBytes: Int {
        reduce(0) { $0 + Int(clamping: $1.bytes ?? 0) }
    }
}
