import Foundation

/// UTC instants as ISO 8601 text without fractional seconds (`2026-04-01T09:30:00Z`), the report's one time format.
public enum ISOInstant {
    /// The widest offset any time zone uses (UTC+14:00, Line Islands; UTC−12:00 is within it).
    static let maximumOffsetMinutes = 14 * 60

    public static func string(_ date: Date) -> String {
        Date.ISO8601FormatStyle(timeZone: .gmt).format(date)
    }

    /// Parses `--as-of` values and report instants: exactly a full ISO 8601 extended date-time with a
    /// zone, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. Anything else is nil: trailing text
    /// (`…Zjunk`), a day that does not exist (30 February), hour 24, second 60, an offset past
    /// ±14:00 or with minutes of 60 or more, a bare date, or a time without a zone.
    public static func parse(_ text: String) -> Date? {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2), scanner.take("-"),
              let day = scanner.digits(2), scanner.take("T"),
              let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2), scanner.take(":"),
              let second = scanner.digits(2),
              year >= 1, let date = CivilDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction = 0.0
        if scanner.take(".") {
            guard let (value, count) = scanner.fraction(), count <= 9 else { return nil }
            fraction = Double(value) / pow(10, Double(count))
        }
        let offsetMinutes: Int
        if scanner.take("Z") {
            offsetMinutes = 0
        } else {
            let sign: Int
            if scanner.take("+") { sign = 1 } else if scanner.take("-") { sign = -1 } else { return nil }
            guard let hours = scanner.digits(2), scanner.take(":"), let minutes = scanner.digits(2), minutes < 60 else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
            guard abs(offsetMinutes) <= maximumOffsetMinutes else { return nil }
        }
        guard scanner.atEnd else { return nil }
        let seconds = date.daysSince1970 * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The stamp in report file names: `yyyyMMddTHHmmssZ`.
    public static func fileStamp(_ date: Date) -> String {
        string(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// Reads ASCII digits and separators off the front of the text.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Exactly `count` digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        /// One or more digits (at most 9 are used); the value and how many digits there were.
        mutating func fraction() -> (Int, Int)? {
            let start = index
            var value = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                if index - start < 9 { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                index += 1
            }
            return index > start ? (value, index - start) : nil
        }
    }
}
