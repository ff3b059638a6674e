import Foundation

/// The imported reference lists of a data folder: `DIR/references/<kind>-<sha256>.csv`. A list is first
/// staged as a private copy in `incoming/` (hashed while copied and flushed, by `EvidenceStore.stage`);
/// once the caller has read that copy, it is linked to its name without overwriting (a file already
/// there holds the same bytes and is kept), and the folder is flushed. Nothing here deletes or rewrites
/// a stored list.
public struct ReferenceStore: Sendable {
    public let dataDirectory: DataDirectory

    public init(dataDirectory: DataDirectory) {
        self.dataDirectory = dataDirectory
    }

    /// The stored list's path relative to the data folder; `kind` is a lower-case word (`dspt`, `ods`).
    public func relativePath(kind: String, sha256: String) -> String {
        "references/\(kind)-\(sha256).csv"
    }

    /// Keeps a staged copy as `references/<kind>-<sha256>.csv`.
    public func keep(_ staged: StagedEvidence, kind: String) throws(RegistryError) -> StoredEvidence {
        guard (1...16).contains(kind.utf8.count), kind.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else {
            throw RegistryError.invalidValue(field: "kind", reason: "\"\(kind)\" is not 1–16 lower-case letters")
        }
        let folder = dataDirectory.referencesFolder
        try DataDirectory.createFolder(folder)
        let relative = relativePath(kind: kind, sha256: staged.sha256)
        let target = dataDirectory.root.appendingPathComponent(relative)
        if link(staged.url.path, target.path) != 0 {
            var status = stat()
            guard errno == EEXIST, lstat(target.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                throw RegistryError.system(errno, path: target.path, doing: "store the reference list")
            }
            return StoredEvidence(sha256: staged.sha256, bytes: Int64(status.st_size), relativePath: relative, url: target, isNew: false)
        }
        try FileSync.folder(folder)
        return StoredEvidence(sha256: staged.sha256, bytes: staged.bytes, relativePath: relative, url: target, isNew: true)
    }
}
