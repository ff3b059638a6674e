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
    /// Field bounds of a record read in place (`plainRecord`), reused from record to record.
    private var plainBounds: [Int] = []

    init(limits: CSVLimits) {
        self.limits = limits
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
                var end = Self.scan(chunk, from: index, until: Self.commaWord, highBits: &highBits)
                while end < count {
                    let next = chunk[end]
                    if next == Self.comma || next == Self.lf || next == Self.cr { break }
                    highBits |= next
                    end += 1
                }
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
                var end = Self.scan(chunk, from: index, until: Self.quoteWord, highBits: &highBits)
                while end < count {
                    let next = chunk[end]
                    if next == Self.quote || next == Self.lf || next == Self.cr { break }
                    highBits |= next
                    end += 1
                }
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
        plainBounds.removeAll(keepingCapacity: true)
        let count = chunk.count
        var index = start
        var high: UInt8 = 0
        while true {
            var valueStart = index, valueEnd: Int
            var byte: UInt8 = 0
            if index < count && base[index] == Self.quote {
                valueStart = index + 1
                index = Self.scan(chunk, from: valueStart, until: Self.quoteWord, highBits: &high)
                while index < count {
                    byte = base[index]
                    if byte == Self.quote || byte == Self.lf || byte == Self.cr { break }
                    high |= byte
                    index += 1
                }
                // A line break inside the quotes, or no closing quote in this chunk: not plain.
                guard index + 1 < count, byte == Self.quote else { return nil }
                valueEnd = index
                index += 1
                byte = base[index]
                guard byte == Self.comma || byte == Self.lf || byte == Self.cr else { return nil }
            } else {
                while index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if Self.hasZeroByte(word ^ Self.commaWord) | Self.hasZeroByte(word ^ Self.quoteWord)
                        | Self.hasZeroByte(word ^ Self.lfWord) | Self.hasZeroByte(word ^ Self.crWord) != 0 { break }
                    if word & 0x8080_8080_8080_8080 != 0 { high |= 0x80 }
                    index += 8
                }
                while index < count {
                    byte = base[index]
                    if byte == Self.comma || byte == Self.quote || byte == Self.lf || byte == Self.cr { break }
                    high |= byte
                    index += 1
                }
                guard index < count, byte != Self.quote else { return nil }
                valueEnd = index
            }
            guard valueEnd - valueStart <= limits.maximumFieldBytes, plainBounds.count / 2 < limits.maximumFields else { return nil }
            plainBounds.append(valueStart - start)
            plainBounds.append(valueEnd - start)
            if byte == Self.comma {
                index += 1
                continue
            }
            recordLine = line
            let bytes = UnsafeBufferPointer(start: base + start, count: index - start)
            plainBounds.withUnsafeBufferPointer { bounds in
                if high & 0x80 != 0, let column = Self.firstInvalidUTF8Field(bytes, bounds: bounds) {
                    emit(.unreadable(line: recordLine, problem: .invalidUTF8(column: column)))
                } else {
                    emit(.record(CSVRow(line: recordLine, bytes: bytes, bounds: bounds)))
                }
            }
            lineBreak(byte, at: consumed + index)
            return index + 1
        }
    }

    /// Every byte of a word set to `byte`.
    private static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }
    private static let commaWord = repeated(comma), quoteWord = repeated(quote)
    private static let lfWord = repeated(lf), crWord = repeated(cr)

    /// Skips whole 8-byte words of `chunk` from `start` that hold no LF, no CR and no byte of
    /// `delimiter` (a comma or a quote, repeated), folding their bytes into `highBits`; returns where
    /// the byte-by-byte scan must take over (the word with the first such byte, or the last < 8 bytes).
    /// A byte is found by the zero-byte test `(x - 0x01…) & ~x & 0x80…` on the word XOR the byte.
    @inline(__always)
    private static func scan(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int, until delimiter: UInt64, highBits: inout UInt8) -> Int {
        guard let base = chunk.baseAddress else { return start }
        var index = start
        var high: UInt64 = 0
        while index + 8 <= chunk.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if hasZeroByte(word ^ delimiter) | hasZeroByte(word ^ lfWord) | hasZeroByte(word ^ crWord) != 0 { break }
            high |= word
            index += 8
        }
        if high & 0x8080_8080_8080_8080 != 0 { highBits |= 0x80 }
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
