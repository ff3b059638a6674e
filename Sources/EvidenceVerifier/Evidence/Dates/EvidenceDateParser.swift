import Foundation

/// Reads the dates DESIGN §3 accepts in CSV evidence, by hand (no formatter per row):
///
/// - `2025-04-03` (ISO 8601 date) and `2025/04/03` (ESR), `03/04/2025` and `3/4/2025` (UK: day first),
///   `03-Apr-2025` (English month abbreviation, any case): the start of that day in Europe/London;
/// - ISO 8601 date-times, `2025-04-03T09:30:00Z`, `2025-04-03 09:30:00.5+01:00`, `…+0100`, and
///   ESR's `2025/04/03 00:00:00`;
///   without a zone the time is read as Europe/London wall-clock time, and a zoneless midnight
///   (`2025/04/03 00:00:00`) is that calendar day, as ESR means it.
///
/// Anything else is refused, including US month-first dates (`04/13/2025`) and days that do not
/// exist (`31/04/2025`). Years run from 1900 to 9999 so a mistyped year (`0225`) is caught.
public struct EvidenceDateParser: Sendable {
    /// The years a date may have.
    public static let years = 1900...9999
    /// How the accepted forms are described in findings.
    public static let acceptedForms = "2025-04-03, 03/04/2025 (day first), 03-Apr-2025 or an ISO 8601 date-time"

    private var calendar = UKCalendar()

    public init() {}

    /// The date `text` denotes, or nil when it is not one of the accepted forms.
    public mutating func parse(_ text: String) -> EvidenceDate? {
        var text = text
        return text.withUTF8 { bytes in parse(Cursor(bytes: bytes)) }
    }

    /// The date a CSV field denotes, read from its bytes, or nil when it is not one of the accepted forms.
    mutating func parse(_ field: CSVField) -> EvidenceDate? {
        parse(Cursor(bytes: field.bytes))
    }

    /// The instant `date` starts in Europe/London.
    public mutating func startOfDay(_ date: CivilDate) -> Date {
        calendar.startOfDay(date)
    }

    /// The most days `adding(days:to:)` moves a date: more than the whole span of `years`, so
    /// clamping to it never changes how the result compares with any date evidence can name.
    public static let maximumDayOffset = 4_000_000

    /// `days` later: whole UK calendar days for a calendar date, else `days` × 24 hours. Any `Int`
    /// is safe: offsets beyond `maximumDayOffset` either way are clamped to it.
    public mutating func adding(days: Int, to date: EvidenceDate) -> Date {
        let days = min(max(days, -Self.maximumDayOffset), Self.maximumDayOffset)
        if let day = date.calendarDate { return calendar.startOfDay(daysSince1970: day.daysSince1970 + days) }
        return date.instant.addingTimeInterval(TimeInterval(days) * 86_400)
    }

    /// The Europe/London calendar date of an evidence date.
    public func day(of date: EvidenceDate) -> CivilDate {
        date.calendarDate ?? calendar.day(containing: date.instant)
    }

    private mutating func parse(_ start: Cursor) -> EvidenceDate? {
        var cursor = start
        if let year = cursor.number(digits: 4...4), let separator = cursor.skipAny("-", "/"),
           let month = cursor.number(digits: 2...2), cursor.skip(separator),
           let day = cursor.number(digits: 2...2) {
            guard let date = Self.date(year, month, day) else { return nil }
            if cursor.atEnd { return EvidenceDate(instant: calendar.startOfDay(date), calendarDate: date) }
            return dateTime(date, cursor)
        }
        cursor = start
        guard let day = cursor.number(digits: 1...2) else { return nil }
        let month: Int?
        if cursor.skip("/") {
            month = cursor.number(digits: 1...2)
            guard cursor.skip("/") else { return nil }
        } else if cursor.skip("-") {
            month = cursor.monthAbbreviation()
            guard cursor.skip("-") else { return nil }
        } else {
            return nil
        }
        guard let month, let year = cursor.number(digits: 4...4), cursor.atEnd,
              let date = Self.date(year, month, day) else { return nil }
        return EvidenceDate(instant: calendar.startOfDay(date), calendarDate: date)
    }

    /// The time and zone after an ISO 8601 date.
    private mutating func dateTime(_ date: CivilDate, _ start: Cursor) -> EvidenceDate? {
        var cursor = start
        guard cursor.skip("T") || cursor.skip("t") || cursor.skip(" "),
              let hour = cursor.number(digits: 2...2), hour < 24, cursor.skip(":"),
              let minute = cursor.number(digits: 2...2), minute < 60 else { return nil }
        var second = 0
        var nanosecond = 0
        if cursor.skip(":") {
            guard let value = cursor.number(digits: 2...2), value < 60 else { return nil }
            second = value
            if cursor.skip(".") || cursor.skip(",") {
                guard let fraction = cursor.fraction() else { return nil }
                nanosecond = fraction
            }
        }
        if cursor.atEnd {
            // ESR writes a day as `2025/12/02 00:00:00`: a zoneless midnight is that calendar day.
            if hour == 0 && minute == 0 && second == 0 && nanosecond == 0 {
                return EvidenceDate(instant: calendar.startOfDay(date), calendarDate: date)
            }
            let instant = calendar.instant(date, hour: hour, minute: minute, second: second, nanosecond: nanosecond)
            return EvidenceDate(instant: instant, calendarDate: nil)
        }
        guard let offset = cursor.zoneOffset(), cursor.atEnd else { return nil }
        let seconds = date.daysSince1970 * 86_400 + hour * 3_600 + minute * 60 + second - offset
        let instant = Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(nanosecond) / 1e9)
        return EvidenceDate(instant: instant, calendarDate: nil)
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate? {
        guard years.contains(year) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Reads ASCII text left to right.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Whichever of `first` and `second` comes next, skipped.
        mutating func skipAny(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Unicode.Scalar? {
            if skip(first) { return first }
            return skip(second) ? second : nil
        }

        /// A run of decimal digits whose length is in `digits`.
        mutating func number(digits: ClosedRange<Int>) -> Int? {
            var value = 0
            var count = 0
            while index < bytes.count, count < digits.upperBound, let digit = Self.digit(bytes[index]) {
                value = value * 10 + digit
                count += 1
                index += 1
            }
            guard digits.contains(count), !(index < bytes.count && Self.digit(bytes[index]) != nil) else { return nil }
            return value
        }

        /// Exactly two digits, whatever follows.
        mutating func twoDigits() -> Int? {
            guard index + 2 <= bytes.count, let tens = Self.digit(bytes[index]), let units = Self.digit(bytes[index + 1]) else { return nil }
            index += 2
            return tens * 10 + units
        }

        /// Fractional seconds (1 to 9 digits) as nanoseconds.
        mutating func fraction() -> Int? {
            let first = index
            guard var value = number(digits: 1...9) else { return nil }
            for _ in (index - first)..<9 { value *= 10 }
            return value
        }

        /// `Z`, `±HH`, `±HHMM` or `±HH:MM`, in seconds east of UTC.
        mutating func zoneOffset() -> Int? {
            if skip("Z") || skip("z") { return 0 }
            let sign: Int
            if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
            guard let hours = twoDigits(), hours <= 18 else { return nil }
            var minutes = 0
            if !atEnd {
                _ = skip(":")
                guard let value = twoDigits(), value < 60 else { return nil }
                minutes = value
            }
            return sign * (hours * 3_600 + minutes * 60)
        }

        /// `Jan` … `Dec`, any case, as 1 … 12. Only ASCII letters can spell one, so the bytes are
        /// lower-cased and compared as they are.
        mutating func monthAbbreviation() -> Int? {
            guard index + 3 <= bytes.count else { return nil }
            let letters = bytes[index..<(index + 3)].reduce(UInt32(0)) { $0 << 8 | UInt32(ASCIICase.lowered($1)) }
            guard let month = Self.abbreviations.firstIndex(of: letters) else { return nil }
            index += 3
            return month + 1
        }

        /// Each abbreviation's three lower-case letters packed into one number.
        private static let abbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .map { $0.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }

        private static func digit(_ byte: UInt8) -> Int? {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
        }
    }
}
