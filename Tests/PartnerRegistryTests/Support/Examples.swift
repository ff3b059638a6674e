import Foundation

@testable import PartnerRegistry

extension Date {
    /// 2026-04-01T09:00:00Z, the fixed instant the tests record things at.
    static let example = Date(timeIntervalSince1970: 1_775_034_000)
}

extension StoredEvidence {
    /// A stored bundle as the evidence store would describe it, with a digest of 64 copies of `digit`.
    static func example(_ digit: Character) -> StoredEvidence {
        let sha256 = String(repeating: digit, count: 64)
        return StoredEvidence(
            sha256: sha256, bytes: 1234, relativePath: "evidence/sha256/\(sha256.prefix(2))/\(sha256).zip",
            url: URL(fileURLWithPath: "/nonexistent"), isNew: true)
    }
}
