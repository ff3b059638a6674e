import Foundation

/// Instants as a person in the UK reads them (`1 July 2026, 00:00 UK time`), for rendered pages.
/// The report's own ISO 8601 instants stay beside them where exactness matters.
public enum ReadableInstant {
    private static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = UKCalendar.timeZone
        return calendar
    }()

    /// The Europe/London wall-clock time of `date`, to the minute.
    public static func string(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour, let minute = parts.minute,
              months.indices.contains(month - 1)
        else { return ISOInstant.string(date) }
        return "\(day) \(months[month - 1]) \(year), \(twoDigits(hour)):\(twoDigits(minute)) UK time"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
