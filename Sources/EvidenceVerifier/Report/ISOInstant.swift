import Foundation

/// UTC instants as ISO 8601 text without fractional seconds (`2026-04-01T09:30:00Z`), the report's one time format.
public enum ISOInstant {
    public static func string(_ date: Date) -> String {
        Date.ISO8601FormatStyle(timeZone: .gmt).format(date)
    }

    /// Parses `--as-of` values: a full ISO 8601 date-time with zone, or a bare date (taken as midnight UTC).
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: false).parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle().year().month().day().parse(text) { return date }
        return nil
    }

    /// The stamp in report file names: `yyyyMMddTHHmmssZ`.
    public static func fileStamp(_ date: Date) -> String {
        string(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }
}
