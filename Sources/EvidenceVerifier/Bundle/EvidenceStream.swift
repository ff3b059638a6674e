import Foundation
import Synchronization

/// A large listed file held open (through the descriptor the bundle reader opened inside the bundle)
/// until the one check that parses it reads it: each chunk is hashed on a second core while this one
/// parses it, so the file is read exactly once, never copied, and the bytes judged are the bytes hashed.
/// What the read measured settles the file's state (`EvidenceBundle.settled()`) before any check judges it.
public final class EvidenceStream: Sendable {
    /// What reading the file to its end found.
    enum Measurement: Sendable, Equatable {
        case read(sha256: String, bytes: Int64)
        case tooLarge
        case unreadable(String)
    }

    /// Bytes read (and hashed while parsed) at a time.
    static let chunkBytes = 1 << 20

    private let descriptor: Int32
    private let limit: Int64
    /// Nil until the file has been read; set once.
    private let measured = Mutex<Measurement?>(nil)
    private let started = Atomic<Bool>(false)

    /// Takes ownership of `descriptor`, to be read from its current offset, at most `limit` bytes.
    init(descriptor: Int32, limit: Int64) {
        self.descriptor = descriptor
        self.limit = limit
    }

    deinit { close(descriptor) }

    /// What the one read found, reading (and hashing) the file now, unparsed, if no check did.
    var measurement: Measurement {
        if let known = measured.withLock({ $0 }) { return known }
        return read { _ in }
    }

    /// Reads the file to its end once, handing each chunk to `body` while a second core hashes it.
    /// A second call reads nothing and hands nothing: a stream is never read twice.
    @discardableResult
    func read(_ body: (UnsafeRawBufferPointer) -> Void) -> Measurement {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else {
            return measured.withLock { $0 } ?? .unreadable("it was read twice at once")
        }
        let result = readOnce(body)
        measured.withLock { $0 = result }
        return result
    }

    private func readOnce(_ body: (UnsafeRawBufferPointer) -> Void) -> Measurement {
        do {
            let hasher = try SHA256Stream()
            let total = try DescriptorChunks.read(descriptor, chunkBytes: Self.chunkBytes, limit: limit) { chunk in
                try Self.hash(chunk, with: hasher, whileDoing: body)
            }
            return .read(sha256: try hasher.finish(), bytes: total)
        } catch DescriptorChunks.Failure.tooLarge {
            return .tooLarge
        } catch DescriptorChunks.Failure.unreadable(let reason) {
            return .unreadable(reason)
        } catch {
            return .unreadable("\(error)")
        }
    }

    /// Hashes `chunk` on another thread while `body` reads it on this one; returns when both are done.
    private static func hash(
        _ chunk: UnsafeRawBufferPointer, with hasher: SHA256Stream, whileDoing body: (UnsafeRawBufferPointer) -> Void
    ) throws(OpenSSLError) {
        let job = HashJob(chunk: chunk, hasher: hasher)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { job.run() }
        body(chunk)
        done.wait()
        if let failure = job.failure { throw failure }
    }

    /// One chunk's hashing, handed to another thread: only it touches `hasher` until `done.wait()`
    /// returns, `chunk` outlives it, and `failure` is read only after that wait.
    private final class HashJob: @unchecked Sendable {
        let chunk: UnsafeRawBufferPointer
        let hasher: SHA256Stream
        var failure: OpenSSLError?

        init(chunk: UnsafeRawBufferPointer, hasher: SHA256Stream) {
            self.chunk = chunk
            self.hasher = hasher
        }

        func run() {
            do { try hasher.update(chunk) } catch { failure = error }
        }
    }
}
