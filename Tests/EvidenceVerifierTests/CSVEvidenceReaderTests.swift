import Foundation
import Testing
@testable import EvidenceVerifier

@Suite struct CSVEvidenceReaderTests {
    /// Reads `text` as DSPT evidence; returns the values of the Status column and the findings.
    private func read(_ text: String, limit: Int = CappedFindings.defaultLimit) throws -> (statuses: [String], findings: [Finding], usable: Bool) {
        try read(Data(text.utf8), limit: limit)
    }

    private func read(_ bytes: Data, limit: Int = CappedFindings.defaultLimit) throws -> (statuses: [String], findings: [Finding], usable: Bool) {
        let folder = TestFolder()
        let bundle = try IGFixtures.bundle(in: folder, files: [IGFixtures.File(.dsptAssessment, "dspt/assessment.csv", bytes: bytes)])
        var findings = CappedFindings(limitPerCode: limit)
        var statuses: [String] = []
        let usable = CSVEvidenceReader<DSPTColumn>(file: bundle.files[0]).read(into: &findings) { record, _ in
            statuses.append(record[.status])
        }
        return (statuses, findings.findings, usable)
    }

    @Test(arguments: [
        "Organisation Code,Status,Date Published",
        "  organisation code , STATUS ,date   published",
        "ODS Code,Status,Published",
        "Org Code,Status,Publication Date",
        "Code,Organisation Name,Status,Date Of Publication,Primary Sector",
    ])
    func matchesHeadersByNameOrAliasIgnoringCaseAndSpaces(_ header: String) throws {
        let columns = header.split(separator: ",").count
        let row = ["B86001", "Standards Met", "01/06/2025"] + Array(repeating: "x", count: columns - 3)
        let ordered = header.lowercased().contains("organisation name") ? [row[0], "Name", row[1], row[2], "x"] : row
        let result = try read("\(header)\n\(ordered.joined(separator: ","))\n")
        #expect(result.usable)
        #expect(result.statuses == ["Standards Met"])
        #expect(result.findings.isEmpty)
    }

    @Test func namesEachMissingRequiredColumn() throws {
        let result = try read("Organisation Code,Organisation Name\nB86001,Example\n")
        #expect(!result.usable)
        #expect(result.findings.map(\.code) == [.csvMissingColumn, .csvMissingColumn])
        #expect(result.findings.map(\.location) == ["column Status", "column Date Published"])
        #expect(result.findings[1].message.contains("Date Of Publication"))
    }

    @Test(arguments: ["", "\u{FEFF}", "\n\n\r\n"])
    func anEmptyFileIsAFinding(_ text: String) throws {
        let result = try read(text)
        #expect(!result.usable)
        #expect(result.findings.map(\.code) == [.csvEmpty])
        #expect(result.findings.first?.evidence == "dspt/assessment.csv")
    }

    @Test(arguments: [
        Data([0xFF, 0xFE]) + Data("C\0o\0d\0e\0".utf8),
        Data("Code,St".utf8) + Data([0xE9]) + Data("tus\n".utf8),
    ])
    func aFileThatIsNotUTF8IsAFinding(_ bytes: Data) throws {
        let result = try read(bytes)
        #expect(!result.usable)
        #expect(result.findings.map(\.code) == [.csvInvalidEncoding])
    }

    @Test func unreadableRowsAreFindingsWithTheirLineAndTheRestIsRead() throws {
        let text = """
        Code,Status,Date Published
        B86001,Standards Met,01/06/2025
        B86002,"x"y,01/06/2025
        B86003,Met,01/06/2025
        B86004,"Standards Met,01/06/2025
        B86005,Met,01/06/2025

        """
        let result = try read(text)
        #expect(result.usable)
        #expect(result.statuses == ["Standards Met", "Met"])
        #expect(result.findings.map(\.code) == [.csvUnreadableRow, .csvUnreadableRow])
        #expect(result.findings.map(\.location) == ["line 3", "line 5"])
        #expect(result.findings[0].message.contains("closing quote"))
        #expect(result.findings[1].message.contains("never closed"))
    }

    @Test func wrongFieldCountsAreFindings() throws {
        let result = try read("Code,Status,Date Published\nB86001,Standards Met\nB86002,Met,01/06/2025,extra\nB86003,Met,01/06/2025\n")
        #expect(result.statuses == ["Met"])
        #expect(result.findings.map(\.location) == ["line 2", "line 3"])
        #expect(result.findings.allSatisfy { $0.code == .csvUnreadableRow && $0.severity == .error })
    }

    /// A hostile file cannot flood the report: the first findings are listed, then one summary.
    @Test(arguments: [1, 3, 50])
    func perRowFindingsAreCapped(_ limit: Int) throws {
        let bad = String(repeating: "x,y\n", count: 500)
        let result = try read("Code,Status,Date Published\n" + bad, limit: limit)
        #expect(result.findings.count == limit + 1)
        #expect(result.findings.allSatisfy { $0.code == .csvUnreadableRow })
        #expect(result.findings.last?.message.hasPrefix("\(500 - limit) more csv.unreadable-row findings") == true)
        #expect(result.findings.last?.severity == .error)
    }

    /// Two cells naming one column (the same name twice, or a name and its alias) leave which value counts to
    /// the reader: Python's csv.DictReader takes the last, a spreadsheet shows both. The file is not read.
    @Test(arguments: [
        ("Organisation Code,Status,Date Published,Status", "column Status", "2, 4"),
        ("Code,Status,Date Published,ODS Code", "column Organisation Code", "1, 4"),
        ("Code,Status,Published,Date Published", "column Date Published", "3, 4"),
    ])
    func aColumnNamedTwiceIsAmbiguousAndNotRead(_ header: String, location: String, cells: String) throws {
        let result = try read("\(header)\nB86001,Standards Met,01/06/2025,Standards Not Met\n")
        #expect(!result.usable)
        #expect(result.statuses.isEmpty)
        #expect(result.findings.map(\.code) == [.csvDuplicateColumn])
        #expect(result.findings.first?.location == location)
        #expect(result.findings.first?.message.contains("header cells \(cells)") == true)
    }

    /// The reader parses a piece of the file while the previous piece's records are judged on another thread
    /// and what was made of the piece before is taken on a third: whatever the pieces' size (so a byte-order
    /// mark, quotes, line breaks, CRLF and bad rows straddle them), every record's output is handed over and
    /// taken once, in order, and the records, findings and verdict are the ones a single piece gives.
    static let awkwardFiles: [Data] = {
        let text: (String) -> Data = { Data($0.utf8) }
        let e9 = Data([0xE9])
        var files: [Data] = []
        files.append(text("Code,Status,Date Published\r\nB86001,\"Standards, Met\",01/06/2025\r\n\r\nB86002,\"Met \"\"in\"\" full\",\"01/06\n/2025\"\rB86003,Met,01/06/2025"))
        files.append(text("\u{FEFF}Code,Status,Date Published\nB86001,\"x\"y,1\nB86002,Met\nB86003,Met,01/06/2025,extra\nB86004,Met,2\nB86005,\"Standards Met,3\nB86006,Met,4\n"))
        files.append(text("Code,Status,Date Published\nB86001,Met,1\nB86002,M") + e9 + text("t,2\nB86003,Met,3\n"))
        files.append(text("Code,Status,Date Published,Status\nB86001,Met,1,Not Met\nB86002,Met,2,Met\n"))
        files.append(text("Code,\"Sta") + e9 + text("tus\",Date Published\nB86001,Met,1\n"))
        let block = "Code,Status,Date Published\n" + String(repeating: "x,y\n", count: 60) + "B86001,\"Met\nin\nlines\",5\n"
        files.append(text(String(repeating: block, count: 2)))
        return files
    }()

    @Test(arguments: awkwardFiles)
    func anyPieceSizeReadsTheSame(_ bytes: Data) throws {
        let folder = TestFolder()
        let bundle = try IGFixtures.bundle(in: folder, files: [IGFixtures.File(.dsptAssessment, "dspt/assessment.csv", bytes: bytes)])
        func transcript(step: Int) -> String {
            var findings = CappedFindings()
            var judged: [String] = [], handed: [String] = [], taken: [String] = []
            var reader = CSVEvidenceReader<DSPTColumn>(file: bundle.files[0])
            reader.stepBytes = step
            let usable = reader.read(into: &findings) {
                #expect(handed.isEmpty, "what was handed over before has been taken")
                handed = judged
                judged.removeAll()
            } alongside: {
                taken += handed
                handed.removeAll()
            } _: { record, _ in
                judged.append("\(record.line): \(record[.code])|\(record[.status])|\(record[.published])")
            }
            #expect(judged.isEmpty && handed.isEmpty, "every record's output was handed over and taken")
            return ([String(usable)] + taken + findings.findings.map { "\($0.code) \($0.location ?? "") \($0.message)" }).joined(separator: "\n")
        }
        let whole = transcript(step: bytes.count)
        #expect(whole.contains("csv.") || whole.contains(": B860"), "each file gives records or findings")
        for step in [1, 2, 3, 5, 8, 13, 64] {
            #expect(transcript(step: step) == whole, "pieces of \(step) bytes")
        }
    }
}
