import Foundation

/// Streams a CSV file (RFC 4180, UTF-8 with or without BOM, CRLF or LF) record by record.
///
/// The file is read in fixed-size chunks and parsed byte by byte, so memory does not grow with
/// the number of rows: only the record being read is held.
public struct CSVReader: Sendable {
    /// Bytes read from the file at a time.
    public static let chunkBytes = 64 * 1024

    public let url: URL
    public let limits: CSVLimits

    public init(url: URL, limits: CSVLimits = CSVLimits()) {
        self.url = url
        self.limits = limits
    }

    /// Reads the file once, in order, handing each record (or why it cannot be read) to `body`;
    /// `body` returns false to stop early.
    public func forEachRecord(_ body: (CSVEvent) -> Bool) throws(CSVFileProblem) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable("\(SystemError(errno))") }
        defer { close(descriptor) }
        try Self.forEachRecord(in: descriptor, limits: limits, body)
    }

    /// Reads an open file from its current offset to its end, in order, as `forEachRecord` does;
    /// `observe` sees every byte read, in order (to hash the very bytes parsed), before it is parsed.
    /// The caller owns `descriptor`.
    public static func forEachRecord(
        in descriptor: Int32, limits: CSVLimits = CSVLimits(),
        observe: (UnsafeRawBufferPointer) -> Void = { _ in }, _ body: (CSVEvent) -> Bool
    ) throws(CSVFileProblem) {
        var stream = CSVRecordStream(limits: limits)
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        while !stream.stopped {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable("\(SystemError(errno))")
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { raw in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                observe(chunk)
                stream.feed(chunk, body)
            }
        }
        stream.finish(body)
        if let problem = stream.problem { throw problem }
    }
}
