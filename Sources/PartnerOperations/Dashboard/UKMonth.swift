import EvidenceVerifier
import Foundation

/// A calendar month as the UK keeps it (Europe/London), for the pictures' month labels and buckets.
public struct UKMonth: Sendable, Equatable, Comparable {
    public let year: Int
    /// 1 (January) to 12.
    public let month: Int

    public init(year: Int, month: Int) {
        let index = year * 12 + (month - 1)
        self.year = index >= 0 ? index / 12 : (index - 11) / 12
        self.month = index - self.year * 12 + 1
    }

    /// The month that holds `instant` in Europe/London.
    public init(containing instant: Date) {
        let parts = Self.calendar.dateComponents([.year, .month], from: instant)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1)
    }

    /// `June 2026`.
    public var name: String { "\(Self.names[month - 1]) \(year)" }
    /// `Jun`.
    public var shortName: String { String(Self.names[month - 1].prefix(3)) }

    /// The month `count` months later (earlier when negative).
    public func adding(_ count: Int) -> UKMonth { UKMonth(year: year, month: month + count) }

    /// How many months from `self` to `other`.
    public func months(to other: UKMonth) -> Int { (other.year - year) * 12 + other.month - month }

    /// The instant the month starts in Europe/London.
    public var start: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: 1))
            ?? Date(timeIntervalSince1970: 0)
    }

    public static func < (left: UKMonth, right: UKMonth) -> Bool { (left.year, left.month) < (right.year, right.month) }

    static let names = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = UKCalendar.timeZone
        return calendar
    }()
}
