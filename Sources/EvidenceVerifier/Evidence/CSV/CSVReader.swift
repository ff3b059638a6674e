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
        var parser = CSVParser(limits: limits)
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        var stopped = false
        var start: Int?
        func emit(_ event: CSVEvent) {
            if !stopped { stopped = !body(event) }
        }
        while !stopped {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable("\(SystemError(errno))")
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { observe(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            let from: Int
            if let start { from = start } else { from = try textStart(buffer[0..<count]) }
            start = 0
            buffer.withUnsafeBufferPointer { all in
                parser.consume(UnsafeBufferPointer(rebasing: all[from..<count]), emit)
            }
        }
        if !stopped { parser.finish(emit) }
    }

    /// Where the text starts after a UTF-8 byte-order mark; other encodings' marks are refused.
    private static func textStart(_ chunk: ArraySlice<UInt8>) throws(CSVFileProblem) -> Int {
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { return 3 }
        if chunk.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || chunk.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw .notUTF8("UTF-32")
        }
        if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) { throw .notUTF8("UTF-16") }
        return 0
    }
}
