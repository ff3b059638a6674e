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
            let total = try DescriptorChunks.read(descriptor, chunkBytes: Self.chunkBytes, limit: limit) { chunk in
                if output >= 0 {
                    try Self.hashAndCopy(chunk, hasher: hasher, to: output)
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

    static let chunkBytes = 1 << 20

    /// Hashes `chunk` on a second core while this one writes it to the private copy: the two take
    /// about as long as each other, so the snapshot costs little more than the hashing.
    private static func hashAndCopy(_ chunk: UnsafeRawBufferPointer, hasher: SHA256Stream, to output: Int32) throws {
        let job = ChunkJob(chunk: chunk, hasher: hasher, output: output)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { job.hash() } else { job.copy() }
        }
        if let failure = job.hashing { throw failure }
        if let failure = job.copying { throw failure }
    }

    /// One chunk's two halves of work, shared by the two threads of `hashAndCopy`: both only read
    /// `chunk` (which outlives them), only the hashing half touches `hasher`, each half sets only its
    /// own outcome, and the outcomes are read after `concurrentPerform` has returned.
    private final class ChunkJob: @unchecked Sendable {
        let chunk: UnsafeRawBufferPointer
        let hasher: SHA256Stream
        let output: Int32
        var hashing: (any Error)?
        var copying: WriteFailed?

        init(chunk: UnsafeRawBufferPointer, hasher: SHA256Stream, output: Int32) {
            self.chunk = chunk
            self.hasher = hasher
            self.output = output
        }

        func hash() {
            do { try hasher.update(chunk) } catch { hashing = error }
        }

        func copy() {
            do { try DescriptorWriter.writeAll(chunk, to: output) } catch { copying = WriteFailed(reason: "\(error)") }
        }
    }

    private struct WriteFailed: Error {
        let reason: String
    }
}
