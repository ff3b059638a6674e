/// Reads one CSV evidence file of a bundle by its expected columns, turning whatever cannot be
/// read into findings: the file as a whole (`csv.empty`, `csv.invalid-encoding`,
/// `csv.missing-column`, `csv.duplicate-column`, `csv.unreadable`) or row by row (`csv.unreadable-row`, with its line).
///
/// The file is read in steps of `stepBytes`: while this thread parses one piece, another hands the previous
/// piece's records to the body, so a record is judged one step after it is parsed, always in file order and
/// one at a time; a caller may have what the body made entered on a third thread a step later still.
struct CSVEvidenceReader<Column: CSVColumns> {
    let file: EvidenceFile
    var limits = CSVLimits()
    /// Bytes parsed in one step (at most; a streamed file's chunks are no larger).
    var stepBytes = DescriptorChunks.chunkBytes

    /// The evidence path used in findings.
    var path: String { file.entry.path }

    /// Hands every readable data row to `body` (with the findings, for it to add its own), in order, on
    /// another thread (one call at a time). After each step's records `handOff` runs with nothing else
    /// running, to hand what the body made to `alongside`, which runs on a third thread during the next step
    /// (so it must touch nothing the body touches), and once more after the last: when `read` returns,
    /// everything the body made has been handed off and taken. Returns false when the file could not be read
    /// at all (the reason is in `findings`); every record read before a failure has still been handed over.
    @discardableResult
    func read(
        into findings: inout CappedFindings, handingOff handOff: () -> Void = {}, alongside: (() -> Void)? = nil,
        _ body: (CSVRecord<Column>, inout CappedFindings) -> Void
    ) -> Bool {
        guard let content = file.content else {
            findings.append(.error(.csvUnreadable, "\(path) cannot be read: the bundle has no copy of it", evidence: path))
            return false
        }
        // Only locals in the per-record work: using `self` there copied this struct (and retained
        // everything its file holds) for every record.
        let path = self.path, stepBytes = max(self.stepBytes, 1)
        var events = Events(path: path)
        var stream = CSVRecordStream(limits: limits)
        var ready = CSVEventBatch(), parsed = CSVEventBatch()
        /// False once the body's side stopped (the header cannot be used): later pieces are not parsed.
        var judging = true
        func step(_ piece: UnsafeRawBufferPointer?) {
            let parsing = judging
            ForkJoin.run {
                if judging { judging = events.handle(ready, findings: &findings, body) }
            } whileDoing: {
                if let alongside {
                    ForkJoin.run(alongside) {
                        if parsing, let piece { parsed.append(parsing: piece, with: &stream) }
                    }
                } else if parsing, let piece {
                    parsed.append(parsing: piece, with: &stream)
                }
            }
            handOff()
            swap(&ready, &parsed)
            parsed.removeAll()
        }
        let read = content.forEachChunk { chunk in
            var start = 0
            while start < chunk.count {
                let end = min(start + stepBytes, chunk.count)
                step(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                start = end
            }
        }
        step(nil)
        alongside?()
        var problem: CSVFileProblem?
        switch read {
        case .failure(let failure):
            problem = .unreadable(failure.reason)
        case .success:
            if judging {
                stream.finish { event in
                    judging = events.handle(event, findings: &findings, body)
                    return judging
                }
                handOff()
                alongside?()
            }
            problem = stream.problem
        }
        if let problem {
            let code: FindingCode = if case .notUTF8 = problem { .csvInvalidEncoding } else { .csvUnreadable }
            findings.append(.error(code, "\(path) \(problem)", evidence: path))
            return false
        }
        if events.layout == nil && events.usable {
            findings.append(.error(.csvEmpty, "\(path) is empty: a header row naming the columns is required", evidence: path))
            return false
        }
        return events.usable
    }

    /// What reading one file's events keeps: the header's column positions and field count once read (plain
    /// values, so a record built from them retains nothing), and whether the file can be used.
    private struct Events {
        let path: String
        var layout: (columns: CSVColumnPositions<Column>, fieldCount: Int)?
        var usable = true

        /// Handles each event of `batch` in order (see below); false once told to stop. (Through `self`, each
        /// event costs no access check of a captured variable.)
        mutating func handle(_ batch: CSVEventBatch, findings: inout CappedFindings, _ body: (CSVRecord<Column>, inout CappedFindings) -> Void) -> Bool {
            batch.forEach { handle($0, findings: &findings, body) }
        }

        /// Takes the header, or hands a record to `body`, or says why a record cannot be read; false to stop.
        mutating func handle(_ event: CSVEvent, findings: inout CappedFindings, _ body: (CSVRecord<Column>, inout CappedFindings) -> Void) -> Bool {
            switch event {
            case .unreadable(let line, let problem):
                guard layout != nil else {
                    findings.append(CSVEvidenceReader.headerFinding(problem, line: line, path: path))
                    usable = false
                    return false
                }
                findings.append(.error(.csvUnreadableRow, "line \(line) of \(path) cannot be read: \(problem)", evidence: path, location: "line \(line)"))
            case .record(let row):
                guard let (columns, fieldCount) = layout else {
                    let found = CSVHeader<Column>(row)
                    for column in found.missingRequired {
                        findings.append(.error(.csvMissingColumn, "\(path) has no \(column.namesForMessage) column", evidence: path, location: "column \(column.name)"))
                    }
                    for (column, positions) in found.repeated {
                        let cells = positions.map(String.init).joined(separator: ", ")
                        findings.append(.error(.csvDuplicateColumn, "\(path) names the \(column.name) column more than once (header cells \(cells)), so which one counts is ambiguous; it was not read", evidence: path, location: "column \(column.name)"))
                    }
                    layout = (found.columns, found.fieldCount)
                    usable = found.missingRequired.isEmpty && found.repeated.isEmpty
                    return usable
                }
                guard row.count == fieldCount else {
                    let problem = CSVRowProblem.wrongFieldCount(expected: fieldCount, found: row.count)
                    findings.append(.error(.csvUnreadableRow, "line \(row.line) of \(path) cannot be read: \(problem)", evidence: path, location: "line \(row.line)"))
                    return true
                }
                body(CSVRecord(row: row, columns: columns), &findings)
            }
            return true
        }
    }

    private static func headerFinding(_ problem: CSVRowProblem, line: Int, path: String) -> Finding {
        if case .invalidUTF8 = problem {
            return .error(.csvInvalidEncoding, "\(path) is not UTF-8 text: its header row is not valid UTF-8", evidence: path, location: "line \(line)")
        }
        return .error(.csvUnreadableRow, "the header row of \(path) cannot be read: \(problem)", evidence: path, location: "line \(line)")
    }
}

extension FindingCode {
    /// A CSV evidence file has no header row.
    public static let csvEmpty = FindingCode("csv.empty")
    /// A CSV evidence file is not UTF-8 text.
    public static let csvInvalidEncoding = FindingCode("csv.invalid-encoding")
    /// A CSV evidence file lacks a required column.
    public static let csvMissingColumn = FindingCode("csv.missing-column")
    /// A CSV evidence file's header names one column twice (`Status` and `Status`, or `Email` and
    /// `Work Email`), so which value counts is ambiguous; the file is not read.
    public static let csvDuplicateColumn = FindingCode("csv.duplicate-column")
    /// A CSV evidence file cannot be opened or read.
    public static let csvUnreadable = FindingCode("csv.unreadable")
    /// One record of a CSV evidence file cannot be read.
    public static let csvUnreadableRow = FindingCode("csv.unreadable-row")
    /// A row leaves a column it needs blank.
    public static let csvMissingValue = FindingCode("csv.missing-value")
    /// A value that should be a date is not one of the accepted forms.
    public static let dateInvalid = FindingCode("date.invalid")
}
