import Foundation

/// `--until DATE` for a waiver: it applies through the end of that day in Europe/London, so it stops
/// at the first instant of the next day there (midnight local time, 23:00 UTC in summer).
public enum WaiverDeadline {
    /// The instant the waiver stops applying, for a date written `yyyy-MM-dd`; nil when it is not a real date.
    public static func endOfDay(_ date: String) -> Date? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard date.utf8.count == 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let london = TimeZone(identifier: "Europe/London") else { return nil }
        calendar.timeZone = london
        let components = DateComponents(year: year, month: month, day: day)
        guard let start = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: start) == DateComponents(year: year, month: month, day: day)
        else { return nil }
        return calendar.date(byAdding: .day, value: 1, to: start)
    }
}
