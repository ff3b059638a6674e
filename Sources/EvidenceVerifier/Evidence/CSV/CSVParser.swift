/// The RFC 4180 state machine: bytes in (any chunking), records or reasons out.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; records end at LF, CRLF or a
/// lone CR; blank lines are skipped. A quote inside an unquoted field is kept as text. Only the
/// record being read is held in memory, and a field or record over the limits is skipped
/// (still following the quoting, so the next record starts in the right place).
struct CSVParser {
    private enum State {
        case fieldStart, unquoted, quoted, afterQuote
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    private let limits: CSVLimits
    private var state = State.fieldStart
    private var bytes: [UInt8] = []
    /// Each kept field's start and end in `bytes`, one pair after another (as `CSVRow.bounds`).
    private var bounds: [Int] = []
    private var fieldStart = 0
    private var inRecord = false
    private var problem: CSVRowProblem?
    /// OR of every byte kept in the record: bit 7 set means UTF-8 must be checked.
    private var highBits: UInt8 = 0
    private var line = 1
    private var recordLine = 1
    /// Offset (in the whole input) of the last CR, so CRLF counts as one line break.
    private var lastCR = -2
    private var consumed = 0
    /// Field bounds of a record read in place (`plainRecord`): room for the most fields a record may
    /// have, made once and reused from record to record.
    private var plainBounds: [Int]

    init(limits: CSVLimits) {
        self.limits = limits
        plainBounds = Array(repeating: 0, count: 2 * max(limits.maximumFields, 0))
    }

    /// Feeds the next bytes of the file, handing every record they complete to `emit`.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (CSVEvent) -> Void) {
        let count = chunk.count
        var index = 0
        while index < count {
            let byte = chunk[index]
            switch state {
            case .fieldStart:
                if !inRecord {
                    if byte == Self.lf || byte == Self.cr {
                        lineBreak(byte, at: consumed + index)
                        index += 1
                        continue
                    }
                    if byte != Self.quote, let next = plainRecord(chunk, from: index, emit) {
                        index = next
                        continue
                    }
                    inRecord = true
                    recordLine = line
                }
                switch byte {
                case Self.quote:
                    state = .quoted
                    index += 1
                case Self.comma:
                    endField()
                    index += 1
                case Self.lf, Self.cr:
                    endField()
                    endRecord(emit)
                    lineBreak(byte, at: consumed + index)
                    index += 1
                default:
                    state = .unquoted
                }
            case .unquoted:
                let end = Self.scan(chunk, from: index, until: Self.comma, or: Self.comma, highBits: &highBits)
                keep(UnsafeBufferPointer(rebasing: chunk[index..<end]))
                index = end
                guard end < count else { break }
                endField()
                if chunk[end] == Self.comma {
                    state = .fieldStart
                } else {
                    endRecord(emit)
                    lineBreak(chunk[end], at: consumed + end)
                }
                index += 1
            case .quoted:
                let end = Self.scan(chunk, from: index, until: Self.quote, or: Self.quote, highBits: &highBits)
                keep(UnsafeBufferPointer(rebasing: chunk[index..<end]))
                index = end
                guard end < count else { break }
                if chunk[end] == Self.quote {
                    state = .afterQuote
                } else {
                    keep(chunk[end])
                    lineBreak(chunk[end], at: consumed + end)
                }
                index += 1
            case .afterQuote:
                switch byte {
                case Self.quote:
                    keep(byte)
                    state = .quoted
                case Self.comma:
                    endField()
                    state = .fieldStart
                case Self.lf, Self.cr:
                    endField()
                    endRecord(emit)
                    lineBreak(byte, at: consumed + index)
                default:
                    if problem == nil { problem = .textAfterClosingQuote }
                    state = .unquoted
                    continue
                }
                index += 1
            }
        }
        consumed += count
    }

    /// Reads a plain record in place, without copying a byte: one that starts at `start`, ends with a line
    /// break inside `chunk`, and keeps within the limits, whose fields are unquoted without a quote, or
    /// quoted from their first byte without a doubled quote or line break inside. Hands it to `emit` and
    /// returns where the next record starts; nil (having changed nothing) for any other record, which the
    /// state machine then reads byte by byte, exactly as it reads every record split across chunks.
    private mutating func plainRecord(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int, _ emit: (CSVEvent) -> Void) -> Int? {
        guard let base = chunk.baseAddress else { return nil }
        let limits = self.limits
        var high: UInt8 = 0
        // The fields' bounds are written into slots made once for the most fields a record may have.
        let found = plainBounds.withUnsafeMutableBufferPointer { slots -> (fields: Int, end: Int)? in
            let count = chunk.count
            var index = start, fields = 0
            while true {
                var valueStart = index, valueEnd: Int
                if index < count && base[index] == Self.quote {
                    valueStart = index + 1
                    index = Self.scan(chunk, from: valueStart, until: Self.quote, or: Self.quote, highBits: &high)
                    // A line break inside the quotes, or no closing quote in this chunk: not plain.
                    guard index + 1 < count, base[index] == Self.quote else { return nil }
                    valueEnd = index
                    index += 1
                    let byte = base[index]
                    guard byte == Self.comma || byte == Self.lf || byte == Self.cr else { return nil }
                } else {
                    index = Self.scan(chunk, from: index, until: Self.comma, or: Self.quote, highBits: &high)
                    guard index < count, base[index] != Self.quote else { return nil }
                    valueEnd = index
                }
                guard valueEnd - valueStart <= limits.maximumFieldBytes, fields < limits.maximumFields else { return nil }
                slots[2 * fields] = valueStart - start
                slots[2 * fields + 1] = valueEnd - start
                fields += 1
                if base[index] != Self.comma { return (fields, index) }
                index += 1
            }
        }
        guard let (fields, end) = found else { return nil }
        recordLine = line
        let bytes = UnsafeBufferPointer(start: base + start, count: end - start)
        plainBounds.withUnsafeBufferPointer { slots in
            let bounds = UnsafeBufferPointer(rebasing: slots[..<(2 * fields)])
            if high & 0x80 != 0, let column = Self.firstInvalidUTF8Field(bytes, bounds: bounds) {
                emit(.unreadable(line: recordLine, problem: .invalidUTF8(column: column)))
            } else {
                emit(.record(CSVRow(line: recordLine, bytes: bytes, bounds: bounds)))
            }
        }
        lineBreak(base[end], at: consumed + end)
        return end + 1
    }

    /// Every byte of a word set to `byte`.
    private static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }
    private static let lfWord = repeated(lf), crWord = repeated(cr)

    /// Where the first LF, CR, `delimiter` or `other` byte of `chunk` from `start` is (`chunk.count` when
    /// there is none), folding every byte before it into `highBits`. Eight bytes at a time: a byte equal to
    /// `b` is a zero byte of the word XOR `b`, found by the test `(x - 0x01…) & ~x & 0x80…`, whose lowest
    /// flag is always a true zero byte (a false flag can only sit above a true one); the last < 8 bytes one by one.
    @inline(__always)
    private static func scan(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int, until delimiter: UInt8, or other: UInt8, highBits: inout UInt8) -> Int {
        guard let base = chunk.baseAddress else { return start }
        let count = chunk.count
        let delimiterWord = repeated(delimiter), otherWord = repeated(other)
        var index = start
        var high: UInt64 = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let found = hasZeroByte(word ^ delimiterWord) | hasZeroByte(word ^ otherWord)
                | hasZeroByte(word ^ lfWord) | hasZeroByte(word ^ crWord)
            if found != 0 {
                let before = found.trailingZeroBitCount & ~7  // bits of the bytes before the first flagged one
                high |= word & ((1 << before) &- 1)
                index += before >> 3
                if high & 0x8080_8080_8080_8080 != 0 { highBits |= 0x80 }
                return index
            }
            high |= word
            index += 8
        }
        if high & 0x8080_8080_8080_8080 != 0 { highBits |= 0x80 }
        while index < count {
            let byte = base[index]
            if byte == delimiter || byte == other || byte == lf || byte == cr { break }
            highBits |= byte
            index += 1
        }
        return index
    }

    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Ends the input: completes a last record without a line break, or reports an unclosed quote.
    mutating func finish(_ emit: (CSVEvent) -> Void) {
        if state == .quoted {
            problem = .unterminatedQuote
            endRecord(emit)
        } else if inRecord {
            endField()
            endRecord(emit)
        }
    }

    private mutating func lineBreak(_ byte: UInt8, at offset: Int) {
        if byte == Self.cr {
            lastCR = offset
            line += 1
        } else if lastCR != offset - 1 {
            line += 1
        }
    }

    private mutating func keep(_ run: UnsafeBufferPointer<UInt8>) {
        guard problem == nil, !run.isEmpty else { return }
        guard bytes.count - fieldStart + run.count <= limits.maximumFieldBytes else {
            problem = .fieldTooLong(limit: limits.maximumFieldBytes)
            return
        }
        bytes.append(contentsOf: run)
    }

    private mutating func keep(_ byte: UInt8) {
        guard problem == nil else { return }
        guard bytes.count - fieldStart < limits.maximumFieldBytes else {
            problem = .fieldTooLong(limit: limits.maximumFieldBytes)
            return
        }
        bytes.append(byte)
    }

    private mutating func endField() {
        guard problem == nil else { return }
        guard bounds.count / 2 < limits.maximumFields else {
            problem = .tooManyFields(limit: limits.maximumFields)
            return
        }
        bounds.append(fieldStart)
        bounds.append(bytes.count)
        fieldStart = bytes.count
    }

    private mutating func endRecord(_ emit: (CSVEvent) -> Void) {
        if let problem {
            emit(.unreadable(line: recordLine, problem: problem))
        } else {
            bytes.withUnsafeBufferPointer { bytes in
                self.bounds.withUnsafeBufferPointer { bounds in
                    if highBits & 0x80 != 0, let column = Self.firstInvalidUTF8Field(bytes, bounds: bounds) {
                        emit(.unreadable(line: recordLine, problem: .invalidUTF8(column: column)))
                    } else {
                        emit(.record(CSVRow(line: recordLine, bytes: bytes, bounds: bounds)))
                    }
                }
            }
        }
        bytes.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        fieldStart = 0
        problem = nil
        highBits = 0
        inRecord = false
        state = .fieldStart
    }

    /// The 1-based number of the first field of `bytes` (at `bounds`, as in `CSVRow`) that is not valid UTF-8, if any.
    private static func firstInvalidUTF8Field(_ bytes: UnsafeBufferPointer<UInt8>, bounds: UnsafeBufferPointer<Int>) -> Int? {
        for field in 0..<bounds.count / 2 {
            let range = bounds[2 * field]..<bounds[2 * field + 1]
            if String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) == nil { return field + 1 }
        }
        return nil
    }
}
