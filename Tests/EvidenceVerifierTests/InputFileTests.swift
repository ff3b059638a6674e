import Foundation
import Testing
@testable import EvidenceVerifier

@Suite("InputFile")
struct InputFileTests {
    @Test("reads a regular file whole")
    func readsRegularFile() throws {
        let folder = TestFolder()
        let url = folder.url.appendingPathComponent("policy.json")
        try Data("{\"a\":1}".utf8).write(to: url)
        #expect(try InputFile.read(url.path, limit: 100) == Data("{\"a\":1}".utf8))
    }

    @Test("refuses a FIFO without blocking on it")
    func refusesFIFO() throws {
        let folder = TestFolder()
        let path = folder.url.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: InputError(path, "is not a regular file (a FIFO, socket or device); refused")) {
            try InputFile.read(path, limit: 100)
        }
    }

    @Test("refuses a folder and a missing file with one plain line each")
    func refusesFolderAndMissing() throws {
        let folder = TestFolder()
        #expect(throws: InputError(folder.url.path, "is a folder, not a file")) { try InputFile.read(folder.url.path, limit: 100) }
        let missing = folder.url.appendingPathComponent("absent").path
        #expect(throws: InputError(missing, "does not exist")) { try InputFile.read(missing, limit: 100) }
    }

    @Test("refuses a file over the limit before reading it")
    func refusesOversized() throws {
        let folder = TestFolder()
        let url = folder.url.appendingPathComponent("big")
        try Data(count: 101).write(to: url)
        #expect(throws: InputError(url.path, "is 101 bytes, more than the 100 allowed")) { try InputFile.read(url.path, limit: 100) }
        #expect(try InputFile.read(url.path, limit: 101).count == 101)
    }
}

@Suite("JSONKeyScanner")
struct JSONKeyScannerTests {
    private func problem(_ json: String) -> JSONKeyScanner.Problem? {
        JSONKeyScanner.firstProblem(in: Array(json.utf8))
    }

    @Test("a duplicate key is found at any depth, with its path")
    func duplicates() {
        #expect(problem(#"{"a":1,"a":2}"#) == .duplicateKey("a"))
        #expect(problem(#"{"o":{"d":{"provides":true,"provides":false}}}"#) == .duplicateKey("o.d.provides"))
        #expect(problem(#"{"e":[{"k":1},{"k":1,"p":"x","p":"y"}]}"#) == .duplicateKey("e[1].p"))
    }

    @Test("escaped and canonically equal spellings are the same key")
    func equivalentSpellings() {
        #expect(problem(#"{"kind":1,"\u006bind":2}"#) == .duplicateKey("kind"))
        #expect(problem("{\"caf\u{e9}\":1,\"cafe\u{301}\":2}") == .duplicateKey("caf\u{e9}"))
    }

    @Test("the same key in different objects, and keys inside strings, are fine")
    func noFalsePositives() {
        #expect(problem(#"{"a":{"b":1},"c":{"b":2},"d":["a","a"],"e":"{\"a\":1,\"a\":2}"}"#) == nil)
        #expect(problem(#"[{"a":1},{"a":1}]"#) == nil)
    }

    @Test("nesting deeper than the limit is refused")
    func depth() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(problem(deep) == .tooDeep(limit: 64))
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(problem(fine) == nil)
    }
}
