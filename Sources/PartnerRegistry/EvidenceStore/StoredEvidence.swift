import Foundation

/// A bundle kept in the evidence store.
public struct StoredEvidence: Sendable, Equatable {
    public let sha256: String
    public let bytes: Int64
    /// Where it is, relative to the data folder (`evidence/sha256/ab/<hex>.zip`), as the registry records it.
    public let relativePath: String
    public let url: URL
    /// False when identical bytes were already stored (nothing was written).
    public let isNew: Bool
}
