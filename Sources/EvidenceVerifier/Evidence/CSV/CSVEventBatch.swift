/// The events read from one piece of a CSV file, copied out of the buffers they were read into so they
/// can be handed on after those are reused (to another thread, by `CSVEvidenceReader`): each record's
/// bytes and field bounds one after another, and each reason a record cannot be read, in file order.
struct CSVEventBatch {
    private enum Entry {
        /// A record: its line, and where its bytes and bounds end in `bytes` and `bounds` (each starts
        /// where the previous record's ended).
        case record(line: Int, bytesEnd: Int, boundsEnd: Int)
        case unreadable(line: Int, problem: CSVRowProblem)
    }

    private var bytes: [UInt8] = []
    private var bounds: [Int] = []
    private var entries: [Entry] = []

    /// Copies `event`, whose record is a view valid only now.
    mutating func append(_ event: CSVEvent) {
        switch event {
        case .record(let row):
            bytes.append(contentsOf: row.bytes)
            bounds.append(contentsOf: row.bounds)
            entries.append(.record(line: row.line, bytesEnd: bytes.count, boundsEnd: bounds.count))
        case .unreadable(let line, let problem):
            entries.append(.unreadable(line: line, problem: problem))
        }
    }

    /// Parses `piece` with `stream`, copying every event it completes.
    mutating func append(parsing piece: UnsafeRawBufferPointer, with stream: inout CSVRecordStream) {
        stream.feed(piece) { event in
            append(event)
            return true
        }
    }

    /// Hands each event to `body` in order, each record a view of this batch valid while handed over,
    /// until `body` returns false; returns false when it did.
    func forEach(_ body: (CSVEvent) -> Bool) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            bounds.withUnsafeBufferPointer { bounds in
                var bytesStart = 0, boundsStart = 0
                for entry in entries {
                    let event: CSVEvent
                    switch entry {
                    case .record(let line, let bytesEnd, let boundsEnd):
                        event = .record(CSVRow(
                            line: line, bytes: UnsafeBufferPointer(rebasing: bytes[bytesStart..<bytesEnd]),
                            bounds: UnsafeBufferPointer(rebasing: bounds[boundsStart..<boundsEnd])))
                        bytesStart = bytesEnd
                        boundsStart = boundsEnd
                    case .unreadable(let line, let problem):
                        event = .unreadable(line: line, problem: problem)
                    }
                    guard body(event) else { return false }
                }
                return true
            }
        }
    }

    /// Empties the batch, keeping its memory for the next piece.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }
}
