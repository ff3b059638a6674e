import Foundation

/// Reads an open descriptor from its offset to its end in chunks of one reused buffer, retrying
/// interrupted reads and refusing to read past a limit: the one read loop of the evidence snapshot, the
/// evidence stream and a private copy.
enum DescriptorChunks {
    /// Bytes read at a time (and, for evidence, hashed on a second core while the chunk is parsed or copied):
    /// 256 KiB, a quarter of what 1 MiB kept resident, with no measurable cost in handing chunks over.
    static let chunkBytes = 1 << 18

    /// Why the descriptor could not be read to its end.
    enum Failure: Error {
        /// More than the limit's bytes.
        case tooLarge
        case unreadable(String)
    }

    /// Hands each chunk read to `body` in order; returns the bytes read. Throws `Failure`, or what `body` throws.
    static func read(
        _ descriptor: Int32, limit: Int64 = .max, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int64 {
        var total: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure.unreadable("\(SystemError(errno))")
            }
            if count == 0 { return total }
            total += Int64(count)
            guard total <= limit else { throw Failure.tooLarge }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}
