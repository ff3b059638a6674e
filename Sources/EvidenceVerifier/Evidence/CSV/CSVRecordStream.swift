/// Turns a CSV file's bytes, handed over in chunks of any size and in order, into records: the first
/// chunk decides the encoding (a UTF-8 byte-order mark is skipped, UTF-16 and UTF-32 are refused), and the
/// body may stop the stream early (later chunks are then ignored).
struct CSVRecordStream {
    private var parser: CSVParser
    private var started = false
    /// True once the body asked to stop, or the encoding was refused.
    private(set) var stopped = false
    /// Why the file cannot be read as CSV at all, when its first bytes say so.
    private(set) var problem: CSVFileProblem?

    init(limits: CSVLimits) {
        parser = CSVParser(limits: limits)
    }

    /// Parses the next chunk, handing each record it completes to `body` (which returns false to stop).
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (CSVEvent) -> Bool) {
        guard !stopped, !chunk.isEmpty else { return }
        var bytes = chunk.assumingMemoryBound(to: UInt8.self)
        if !started {
            started = true
            do {
                bytes = UnsafeBufferPointer(rebasing: bytes[try Self.textStart(bytes)...])
            } catch {
                problem = error
                stopped = true
                return
            }
        }
        var stop = false
        parser.consume(bytes) { event in
            if !stop { stop = !body(event) }
        }
        stopped = stop
    }

    /// Ends the input: hands over a last record without a line break (or an unclosed quote's problem).
    mutating func finish(_ body: (CSVEvent) -> Bool) {
        guard !stopped else { return }
        var stop = false
        parser.finish { event in
            if !stop { stop = !body(event) }
        }
        stopped = true
    }

    /// Where the text starts after a UTF-8 byte-order mark; other encodings' marks are refused.
    private static func textStart(_ chunk: UnsafeBufferPointer<UInt8>) throws(CSVFileProblem) -> Int {
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { return 3 }
        if chunk.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || chunk.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw .notUTF8("UTF-32")
        }
        if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) { throw .notUTF8("UTF-16") }
        return 0
    }
}
