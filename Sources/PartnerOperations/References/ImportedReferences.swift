import EvidenceVerifier
import Foundation
import PartnerRegistry

/// The reference lists `submit` and `reverify` verify against: the latest import of each list the
/// registry records (the national DSPT list; each ODS file by name), read once per run from the stored
/// copies. A stored copy that no longer has the digest recorded at import is refused (exit 2), never used.
public enum ImportedReferences {
    public static func latest(in registry: PartnerRegistry) throws -> ReferenceLists {
        var lists: [ReferenceList] = []
        for reference in try registry.latestReferences() {
            guard let kind = ReferenceKind(rawValue: reference.kind) else {
                throw InputError(registry.dataDirectory.registryFile.path, "records a reference list of unknown kind \"\(reference.kind)\"")
            }
            let url = registry.dataDirectory.root.appendingPathComponent(reference.storedPath)
            let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw InputError(url.path, "the imported reference list cannot be opened (\(SystemError(errno))); import it again")
            }
            defer { close(descriptor) }
            let list: ReferenceList
            do {
                list = try ReferenceListReader.read(kind, descriptor: descriptor, name: url.path, importedAt: reference.importedAt)
            } catch {
                throw InputError(url.path, "the imported reference list has changed or is no longer usable (\(error.problem)); import it again")
            }
            guard list.record.sha256 == reference.sha256 else {
                throw InputError(url.path, "has changed since it was imported (SHA-256 \(list.record.sha256), recorded \(reference.sha256)); refused")
            }
            lists.append(list)
        }
        return try ReferenceLists(lists)
    }
}
