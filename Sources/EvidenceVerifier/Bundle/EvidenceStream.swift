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

        /// Why the file could not be read to its end, for a message; nil when it was.
        var problem: String? {
            switch self {
            case .read: nil
            case .tooLarge: "it grew beyond the size allowed while it was read"
            case .unreadable(let reason): reason
            }
        }
    }

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
            let total = try DescriptorChunks.read(descriptor, limit: limit) { chunk in
                try hasher.update(chunk) { body(chunk) }
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
}
