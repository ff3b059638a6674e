import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Brings an applicant's bundle into the data folder as a private staged zip: a folder is packed with
/// `BundlePacker` (deterministic, links and special files refused), a zip is copied; either is hashed
/// while it is copied. Nothing is read from the applicant's path afterwards.
struct BundleStager {
    let store: EvidenceStore

    /// Stages `bundle`; errors name it `name` (what the sender calls it).
    func stage(_ bundle: URL, named name: String) throws -> StagedEvidence {
        let descriptor = open(bundle.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(name, errno == ENOENT ? "no such bundle (expected a folder or a .zip)" : "cannot be opened (\(SystemError(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError(name, "cannot be read (\(SystemError(errno)))") }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            return try stagePacked(bundle)
        case S_IFREG:
            return try store.stage(from: descriptor, name: name, digest: OpenSSLContentDigest())
        default:
            throw InputError(name, "is not a folder or a regular file (a FIFO, socket or device); refused")
        }
    }

    private func stagePacked(_ folder: URL) throws -> StagedEvidence {
        let incoming = store.dataDirectory.incomingFolder
        do {
            try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        } catch {
            throw InputError(incoming.path, "cannot be created (\(error.localizedDescription))")
        }
        let packed = incoming.appendingPathComponent(".pack-\(UUID().uuidString).zip")
        defer { unlink(packed.path) }
        _ = try BundlePacker().pack(folder: folder, to: packed)
        let descriptor = open(packed.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(packed.path, "cannot be opened (\(SystemError(errno)))") }
        defer { close(descriptor) }
        return try store.stage(from: descriptor, name: folder.path, digest: OpenSSLContentDigest())
    }
}
