import BenchmarkSupport
import Foundation

/// Writes a generated CSV file through a 1 MiB byte buffer (no `String` per row), starting with a
/// UTF-8 byte-order mark, lines ending in CRLF as Excel and ESR write them.
struct EvidenceFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(creating url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw BenchmarkError("cannot create \(url.path)")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 21)
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
    }

    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    mutating func append(_ number: Int) {
        if number >= 10 { append(number / 10) }
        buffer.append(UInt8(ascii: "0") + UInt8(number % 10))
    }

    /// `number` with leading zeros to `width` digits.
    mutating func append(_ number: Int, width: Int) {
        var digits = 1, rest = number
        while rest >= 10 { rest /= 10; digits += 1 }
        for _ in digits..<max(width, digits) { buffer.append(UInt8(ascii: "0")) }
        append(number)
    }

    /// Ends the row with CRLF, writing the buffer out when it is full.
    mutating func endRow() throws {
        buffer.append(contentsOf: [0x0D, 0x0A])
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
