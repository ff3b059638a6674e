import Foundation

/// A private copy of an incoming file in the data folder's `incoming/`, with its digest, not yet kept:
/// it can be read and checked before `EvidenceStore.keep` links it into the store. Whatever is not
/// kept is removed when this object goes away.
public final class StagedEvidence: @unchecked Sendable {
    /// The private copy (read it, never write it).
    public let url: URL
    public let sha256: String
    public let bytes: Int64

    init(url: URL, sha256: String, bytes: Int64) {
        self.url = url
        self.sha256 = sha256
        self.bytes = bytes
    }

    deinit {
        unlink(url.path)
    }
}
