import EvidenceVerifier
import Foundation

/// Writes a page whole or not at all: to a new hidden file beside the target, flushed, then renamed
/// over it, so a reader (or a browser refreshing) never sees half a page.
public enum PageFile {
    public static func write(_ text: String, to target: URL) throws(InputError) {
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InputError(target.path, "cannot be written (\(SystemError(errno)))") }
        var renamed = false
        defer {
            close(descriptor)
            if !renamed { unlink(temporary.path) }
        }
        do {
            try DescriptorWriter.writeAll(Data(text.utf8), to: descriptor)
        } catch {
            throw InputError(target.path, "cannot be written (\(error))")
        }
        guard fsync(descriptor) == 0 else { throw InputError(target.path, "cannot be written (\(SystemError(errno)))") }
        guard rename(temporary.path, target.path) == 0 else { throw InputError(target.path, "cannot be written (\(SystemError(errno)))") }
        renamed = true
    }
}
