import Dispatch

extension SHA256Stream {
    /// Hashes `chunk` on another thread while `body` runs on this one (it may read `chunk` too, never
    /// change it); returns, or throws what either threw, only once both are done.
    func update(_ chunk: UnsafeRawBufferPointer, whileDoing body: () throws -> Void) throws {
        let job = OverlappedUpdate(chunk: chunk, hasher: self)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { job.run() }
        do {
            try body()
        } catch {
            done.wait()
            throw error
        }
        done.wait()
        if let failure = job.failure { throw failure }
    }
}

/// One chunk's hashing, handed to another thread: only it touches `hasher` until the caller's wait
/// returns, `chunk` outlives it, and `failure` is read only after that wait.
private final class OverlappedUpdate: @unchecked Sendable {
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
