import Foundation
import Synchronization

/// The private copy of those large listed files that are read more than once (see `EvidenceBytes`). Each
/// is read exactly once, through a descriptor opened inside the bundle, and hashed as it is copied, so
/// the bytes a check judges are the bytes whose SHA-256 was compared with the signed manifest, whatever
/// happens to the original afterwards. A bundle that is already a private copy (an unpacked zip) is
/// hashed in place. The private folder is made only when a first file needs it.
final class EvidenceSnapshot: Sendable {
    /// The private folder, once made.
    private let storage = Mutex<TemporaryDirectory?>(nil)
    /// The folder holding the original files, for in-place snapshots.
    private let privateRoot: URL?

    /// A snapshot that copies each file into a new private folder.
    static func copying() -> EvidenceSnapshot {
        EvidenceSnapshot(privateRoot: nil)
    }

    /// A snapshot of a folder that is already private to this process (our own unpacked zip).
    static func inPlace(privateRoot: URL) -> EvidenceSnapshot {
        EvidenceSnapshot(privateRoot: privateRoot)
    }

    private init(privateRoot: URL?) {
        self.privateRoot = privateRoot
    }

    /// What taking one file found.
    struct Taken {
        let url: URL
        let sha256: String
        let bytes: Int64
    }

    /// Why one file could not be taken.
    enum Failure: Error {
        case tooLarge
        case unreadable(String)
    }

    /// Reads `descriptor` to its end (at most `limit` bytes), hashing it and, unless in place, copying it
    /// to a private file named by `index`. `path` is the file's path in the bundle.
    func take(_ descriptor: Int32, path: String, index: Int, limit: Int64) -> Result<Taken, Failure> {
        let destination: URL
        var output: Int32 = -1
        if let privateRoot {
            destination = privateRoot.appendingPathComponent(path)
        } else {
            let folder: URL
            do {
                folder = try storage.withLock { made throws(InputError) in
                    if let made { return made.url }
                    let new = try TemporaryDirectory(prefix: "lcr-snapshot")
                    made = new
                    return new.url
                }
            } catch {
                return .failure(.unreadable("cannot make a private folder for it (\(error.problem))"))
            }
            destination = folder.appendingPathComponent("evidence-\(index)")
            output = open(destination.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard output >= 0 else { return .failure(.unreadable("cannot copy it privately (\(SystemError(errno)))")) }
        }
        defer { if output >= 0 { close(output) } }
        do {
            let hasher = try SHA256Stream()
            let total = try DescriptorChunks.read(descriptor, limit: limit) { chunk in
                if output >= 0 {
                    // The copy takes about as long as the hashing, so they overlap on two cores.
                    try hasher.update(chunk) {
                        do { try DescriptorWriter.writeAll(chunk, to: output) } catch { throw WriteFailed(reason: "\(error)") }
                    }
                } else {
                    try hasher.update(chunk)
                }
            }
            return .success(Taken(url: destination, sha256: try hasher.finish(), bytes: total))
        } catch DescriptorChunks.Failure.tooLarge {
            return .failure(.tooLarge)
        } catch DescriptorChunks.Failure.unreadable(let reason) {
            return .failure(.unreadable(reason))
        } catch let error as WriteFailed {
            return .failure(.unreadable("cannot copy it privately (\(error.reason))"))
        } catch {
            return .failure(.unreadable("\(error)"))
        }
    }

    private struct WriteFailed: Error {
        let reason: String
    }
}
