import Foundation

/// Days as the UK keeps them (Europe/London, with summer time): a calendar date means the
/// instant that day starts in London. Start-of-day instants are cached, since evidence files
/// repeat the same few hundred dates across many rows: in a flat table by day number for the
/// days evidence names (1970 to 2099), in a bounded dictionary for the rest.
public struct UKCalendar: Sendable {
    public static let timeZone: TimeZone = {
        guard let zone = TimeZone(identifier: "Europe/London") else {
            preconditionFailure("the Europe/London time zone is missing from this system's time zone data")
        }
        return zone
    }()

    /// Cached days; cleared when it grows past this, so a file of random dates cannot grow it without bound.
    private static let cacheLimit = 4_096

    private let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = UKCalendar.timeZone
        return calendar
    }()
    private var starts: [Int: Date] = [:]
    /// Days since 1970 covered by `table`: 1970-01-01 to 2099-12-31.
    private static let tableDays = 0..<47_482
    /// Per day of `tableDays`, how many minutes before midnight UTC it starts in London (0 in winter, 60 in
    /// summer time), `unknown` until first asked: two bytes a day, made on first use. A start that is not
    /// a whole number of minutes from midnight UTC is kept in `starts` instead.
    private var table: [Int16] = []
    private static let unknown = Int16.min

    /// The instant `date` starts in Europe/London.
    mutating func startOfDay(_ date: CivilDate) -> Date {
        startOfDay(daysSince1970: date.daysSince1970)
    }

    /// The instant the day `key` days after 1 January 1970 starts in Europe/London (the day's year, month
    /// and day are worked out only when it is not cached).
    mutating func startOfDay(daysSince1970 key: Int) -> Date {
        let midnightUTC = TimeInterval(key) * 86_400
        let inTable = Self.tableDays.contains(key)
        if inTable {
            if table.isEmpty { table = [Int16](repeating: Self.unknown, count: Self.tableDays.count) }
            let known = table[key]
            if known != Self.unknown { return Date(timeIntervalSince1970: midnightUTC - TimeInterval(known) * 60) }
        }
        if let start = starts[key] { return start }
        let start = instant(CivilDate(daysSince1970: key), hour: 0, minute: 0, second: 0)
        let minutes = (midnightUTC - start.timeIntervalSince1970) / 60
        if inTable, minutes == minutes.rounded(), let offset = Int16(exactly: minutes), offset != Self.unknown {
            table[key] = offset
        } else {
            if starts.count >= Self.cacheLimit { starts.removeAll(keepingCapacity: true) }
            starts[key] = start
        }
        return start
    }

    /// The instant a Europe/London wall-clock time on `date` denotes.
    func instant(_ date: CivilDate, hour: Int, minute: Int, second: Int, nanosecond: Int = 0) -> Date {
        let components = DateComponents(
            year: date.year, month: date.month, day: date.day,
            hour: hour, minute: minute, second: second, nanosecond: nanosecond
        )
        // Every field is in range, so the Gregorian calendar always answers; the UTC reading is a safe fallback.
        return calendar.date(from: components)
            ?? Date(timeIntervalSince1970: TimeInterval(date.daysSince1970) * 86_400 + TimeInterval(hour * 3_600 + minute * 60 + second))
    }

    /// The Europe/London date at `instant`.
    func day(containing instant: Date) -> CivilDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(daysSince1970: Int(exactly: (instant.timeIntervalSince1970 / 86_400).rounded(.down)) ?? 0)
    }
}
