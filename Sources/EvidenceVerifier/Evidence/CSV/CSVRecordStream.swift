/// Turns a CSV file's bytes, handed over in chunks of any size and in order, into records: the first
/// four bytes decide the encoding, however the chunks split them (a UTF-8 byte-order mark is skipped, UTF-16 and UTF-32 are refused), and the
/// body may stop the stream early (later chunks are then ignored).
struct CSVRecordStream {
    private var parser: CSVParser
    private var started = false
    /// The file's first bytes, kept until there are enough to tell its encoding by.
    private var firstBytes: [UInt8] = []
    /// The longest byte-order mark looked for.
    private static let markBytes = 4
    /// True once the body asked to stop, or the encoding was refused.
    private(set) var stopped = false
    /// Why the file cannot be read as CSV at all, when its first bytes say so (for a file of fewer than four
    /// bytes, known only once `finish` was called).
    private(set) var problem: CSVFileProblem?

    init(limits: CSVLimits) {
        parser = CSVParser(limits: limits)
    }

    /// Parses the next chunk, handing each record it completes to `body` (which returns false to stop).
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (CSVEvent) -> Bool) {
        guard !stopped, !chunk.isEmpty else { return }
        var bytes = chunk.assumingMemoryBound(to: UInt8.self)
        if !started {
            // The encoding is decided on the first `markBytes` bytes, however the chunks split them.
            let wanted = Self.markBytes - firstBytes.count
            firstBytes.append(contentsOf: bytes.prefix(wanted))
            guard firstBytes.count == Self.markBytes else { return }
            bytes = UnsafeBufferPointer(rebasing: bytes[min(wanted, bytes.count)...])
            startText(body)
        }
        parse(bytes, body)
    }

    /// Decides the encoding on the first bytes kept, then parses them (after a byte-order mark).
    private mutating func startText(_ body: (CSVEvent) -> Bool) {
        started = true
        let first = firstBytes
        firstBytes = []
        first.withUnsafeBufferPointer { first in
            do throws(CSVFileProblem) {
                parse(UnsafeBufferPointer(rebasing: first[try Self.textStart(first)...]), body)
            } catch {
                problem = error
                stopped = true
            }
        }
    }

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (CSVEvent) -> Bool) {
        guard !stopped else { return }
        var stop = false
        parser.consume(bytes) { event in
            if !stop { stop = !body(event) }
        }
        stopped = stop
    }

    /// Ends the input: hands over a last record without a line break (or an unclosed quote's problem).
    mutating func finish(_ body: (CSVEvent) -> Bool) {
        if !started { startText(body) }
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
