extension SHA256Stream {
    /// Hashes `chunk` on another thread while `body` runs on this one (it may read `chunk` too, never
    /// change it); returns, or throws what either threw, only once both are done.
    func update(_ chunk: UnsafeRawBufferPointer, whileDoing body: () throws -> Void) throws {
        var hashFailure: OpenSSLError?, bodyFailure: (any Error)?
        ForkJoin.run {
            do throws(OpenSSLError) { try update(chunk) } catch { hashFailure = error }
        } whileDoing: {
            do { try body() } catch { bodyFailure = error }
        }
        if let bodyFailure { throw bodyFailure }
        if let hashFailure { throw hashFailure }
    }
}
