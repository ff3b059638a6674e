import Foundation
import Testing
@testable import EvidenceVerifier

/// What a reader yielded, in a form tests can compare.
enum ReadEvent: Equatable, CustomStringConvertible {
    case row(Int, [String])
    case bad(Int, CSVRowProblem)

    var description: String {
        switch self {
        case .row(let line, let fields): "row(\(line), \(fields))"
        case .bad(let line, let problem): "bad(\(line), \(problem))"
        }
    }
}

func readEvents(_ bytes: Data, limits: CSVLimits = CSVLimits()) throws -> [ReadEvent] {
    let file = try TemporaryCSV(bytes)
    var events: [ReadEvent] = []
    try CSVReader(url: file.url, limits: limits).forEachRecord { event in
        switch event {
        case .record(let row): events.append(.row(row.line, (0..<row.count).map { row[$0] }))
        case .unreadable(let line, let problem): events.append(.bad(line, problem))
        }
        return true
    }
    return events
}

func readEvents(_ text: String, limits: CSVLimits = CSVLimits()) throws -> [ReadEvent] {
    try readEvents(Data(text.utf8), limits: limits)
}

@Suite struct CSVReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let expected: [ReadEvent]
        var testDescription: String { name }
    }

    static let wellFormed: [Case] = [
        Case(name: "LF", text: "a,b\n1,2\n", expected: [.row(1, ["a", "b"]), .row(2, ["1", "2"])]),
        Case(name: "CRLF", text: "a,b\r\n1,2\r\n", expected: [.row(1, ["a", "b"]), .row(2, ["1", "2"])]),
        Case(name: "lone CR", text: "a,b\r1,2\r", expected: [.row(1, ["a", "b"]), .row(2, ["1", "2"])]),
        Case(name: "no final line break", text: "a,b\n1,2", expected: [.row(1, ["a", "b"]), .row(2, ["1", "2"])]),
        Case(name: "quoted comma", text: "a,b\n\"x, y\",2\n", expected: [.row(1, ["a", "b"]), .row(2, ["x, y", "2"])]),
        Case(name: "doubled quotes", text: "a\n\"say \"\"hi\"\"\"\n", expected: [.row(1, ["a"]), .row(2, ["say \"hi\""])]),
        Case(
            name: "quoted newline counts lines",
            text: "a,b\n\"line one\nline two\",2\n3,4\n",
            expected: [.row(1, ["a", "b"]), .row(2, ["line one\nline two", "2"]), .row(4, ["3", "4"])]
        ),
        Case(
            name: "quoted CRLF counts one line",
            text: "a,b\r\n\"x\r\ny\",2\r\n3,4\r\n",
            expected: [.row(1, ["a", "b"]), .row(2, ["x\r\ny", "2"]), .row(4, ["3", "4"])]
        ),
        Case(name: "empty fields", text: "a,b,c\n,,\n", expected: [.row(1, ["a", "b", "c"]), .row(2, ["", "", ""])]),
        Case(name: "trailing comma is an empty field", text: "a,b\n1,\n", expected: [.row(1, ["a", "b"]), .row(2, ["1", ""])]),
        Case(name: "blank lines skipped", text: "a\n\n\r\n1\n\n", expected: [.row(1, ["a"]), .row(4, ["1"])]),
        Case(name: "quote inside unquoted field is text", text: "a\n5\" screen\n", expected: [.row(1, ["a"]), .row(2, ["5\" screen"])]),
        Case(name: "empty quoted field", text: "a,b\n\"\",x\n", expected: [.row(1, ["a", "b"]), .row(2, ["", "x"])]),
        Case(name: "UTF-8", text: "name\nZoë Ó Briain\n", expected: [.row(1, ["name"]), .row(2, ["Zoë Ó Briain"])]),
    ]

    @Test(arguments: wellFormed)
    func readsWellFormedCSV(_ testCase: Case) throws {
        #expect(try readEvents(testCase.text) == testCase.expected)
    }

    static let malformed: [Case] = [
        Case(name: "unterminated quote", text: "a,b\n1,2\n\"open,3\n4,5\n", expected: [.row(1, ["a", "b"]), .row(2, ["1", "2"]), .bad(3, .unterminatedQuote)]),
        Case(
            name: "text after closing quote, then recovers",
            text: "a,b\n\"x\"y,2\n3,4\n",
            expected: [.row(1, ["a", "b"]), .bad(2, .textAfterClosingQuote), .row(3, ["3", "4"])]
        ),
    ]

    @Test(arguments: malformed)
    func reportsMalformedRecordsWithTheirLine(_ testCase: Case) throws {
        #expect(try readEvents(testCase.text) == testCase.expected)
    }

    @Test func skipsAUTF8ByteOrderMark() throws {
        let events = try readEvents(Data([0xEF, 0xBB, 0xBF]) + Data("Email\nx@nhs.net\n".utf8))
        #expect(events == [.row(1, ["Email"]), .row(2, ["x@nhs.net"])])
    }

    @Test(arguments: [
        (Data([0xFF, 0xFE, 0x41, 0x00]), "UTF-16"),
        (Data([0xFE, 0xFF, 0x00, 0x41]), "UTF-16"),
        (Data([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]), "UTF-32"),
    ])
    func refusesOtherEncodings(_ bytes: Data, _ encoding: String) throws {
        #expect(throws: CSVFileProblem.notUTF8(encoding)) { try readEvents(bytes) }
    }

    @Test func reportsInvalidUTF8ByRowAndGoesOn() throws {
        let bytes = Data("a,b\n1,".utf8) + Data([0xC3, 0x28]) + Data("\n3,4\n".utf8)
        #expect(try readEvents(bytes) == [.row(1, ["a", "b"]), .bad(2, .invalidUTF8(column: 2)), .row(3, ["3", "4"])])
    }

    @Test func refusesOverlongFieldsAndKeepsItsPlace() throws {
        let long = String(repeating: "x", count: 100)
        let limits = CSVLimits(maximumFieldBytes: 64, maximumFields: 8)
        let text = "a,b\n\(long),1\n\"\(long)\nmore\",2\n3,4\n"
        #expect(try readEvents(text, limits: limits) == [
            .row(1, ["a", "b"]), .bad(2, .fieldTooLong(limit: 64)), .bad(3, .fieldTooLong(limit: 64)), .row(5, ["3", "4"]),
        ])
    }

    @Test func refusesTooManyFields() throws {
        let limits = CSVLimits(maximumFieldBytes: 64, maximumFields: 3)
        #expect(try readEvents("a,b\n1,2,3,4,5\n6,7\n", limits: limits) == [
            .row(1, ["a", "b"]), .bad(2, .tooManyFields(limit: 3)), .row(3, ["6", "7"]),
        ])
    }

    /// Every chunk boundary (64 KiB) must be invisible: the boundary falls at each byte of a
    /// record holding a CRLF, a doubled quote and a quoted CRLF.
    @Test(arguments: (CSVReader.chunkBytes - 24)...CSVReader.chunkBytes)
    func chunkBoundariesAreInvisible(_ padding: Int) throws {
        let filler = String(repeating: "f", count: padding - 6)
        let text = "a,b\r\n\(filler),1\r\n\"q\"\"x\r\ny\",2\r\n"
        let events = try readEvents(text)
        #expect(events == [.row(1, ["a", "b"]), .row(2, [filler, "1"]), .row(3, ["q\"x\r\ny", "2"])])
    }

    @Test func emptyFileYieldsNothing() throws {
        #expect(try readEvents("").isEmpty)
        #expect(try readEvents(Data([0xEF, 0xBB, 0xBF])).isEmpty)
    }

    @Test func missingFileIsAFileProblem() throws {
        let reader = CSVReader(url: URL(fileURLWithPath: "/nonexistent/ig-test/file.csv"))
        #expect(throws: CSVFileProblem.self) { try reader.forEachRecord { _ in true } }
    }

    @Test func stopsWhenAsked() throws {
        let file = try TemporaryCSV("a\n1\n2\n3\n")
        var seen = 0
        try CSVReader(url: file.url).forEachRecord { _ in
            seen += 1
            return seen < 2
        }
        #expect(seen == 2)
    }
}

/// Plain records inside one chunk are read in place (`CSVParser.plainRecord`); every other record goes
/// through the byte-by-byte state machine. Both must read every input the same: fed whole (the in-place path
/// wherever it applies) and fed one byte at a time (never in place), the events are the same.
@Suite struct CSVInPlaceRecordTests {
    /// The events `bytes` give when fed to the parser in chunks of `chunkSize` bytes.
    static func events(_ bytes: [UInt8], chunkSize: Int, limits: CSVLimits) -> [ReadEvent] {
        var parser = CSVParser(limits: limits)
        var events: [ReadEvent] = []
        let collect: (CSVEvent) -> Void = { event in
            switch event {
            case .record(let row): events.append(.row(row.line, (0..<row.count).map { row[$0] }))
            case .unreadable(let line, let problem): events.append(.bad(line, problem))
            }
        }
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let end = min(start + chunkSize, all.count)
                parser.consume(UnsafeBufferPointer(rebasing: all[start..<end]), collect)
                start = end
            }
        }
        parser.finish(collect)
        return events
    }

    /// A fixed-seed generator, so a failure names an input that can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [
        "a,b,c\n1,2,3\n", "a,b,\r\n,,\r\n", "x\ry\r\n\nz", "a,\"b,c\",d\n1,2\n", "a,b\"c,d\n", "é,ü\nok\n", "\"x, y\",\"\",\" é \"\n\"a\"\"b\",c\n\"multi\nline\",d\n\"open,\n",
        "toolongfield,b\nok,ok\n", "a,b,c,d,e\nf\n", "a\n\n\n,\n", "\u{FEFF}a\n",
    ])
    func examplesReadTheSameWholeAndByteByByte(text: String) {
        let limits = CSVLimits(maximumFieldBytes: 8, maximumFields: 4)
        let bytes = Array(text.utf8)
        #expect(Self.events(bytes, chunkSize: bytes.count, limits: limits) == Self.events(bytes, chunkSize: 1, limits: limits))
    }

    @Test func randomInputsReadTheSameWholeAndByteByByte() {
        var random = SplitMix(state: 20_261_203)
        let alphabet: [UInt8] = Array("ab ,\"\n\r".utf8) + [0xC3, 0xA9, 0xFF]
        let limits = CSVLimits(maximumFieldBytes: 5, maximumFields: 3)
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let whole = Self.events(bytes, chunkSize: max(bytes.count, 1), limits: limits)
            let split = Self.events(bytes, chunkSize: 1, limits: limits)
            #expect(whole == split, "input \(bytes)")
            if whole != split { return }
        }
    }

    @Test func plainRecordsAreReadInPlace() {
        // Checked through the line numbers and fields of a long run of plain records fed in one chunk.
        let text = (1...1_000).map { "user.\($0)@nhs.net,\($0)" }.joined(separator: "\n") + "\n"
        let events = Self.events(Array(text.utf8), chunkSize: text.utf8.count, limits: CSVLimits())
        #expect(events.count == 1_000)
        #expect(events.last == .row(1_000, ["user.1000@nhs.net", "1000"]))
    }
}
