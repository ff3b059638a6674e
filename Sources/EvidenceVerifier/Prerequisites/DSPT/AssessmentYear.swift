/// A DSPT assessment year, April to March: `2025-26` covers April 2025 to March 2026, is due by
/// the deadline (30 June by default) in 2026, and stays current until the next year's deadline.
public struct AssessmentYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year the assessment year starts in (2025 for `2025-26`).
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// Reads `2025-26`, `2025/26`, `25-26`, `22/23`, `2025-2026`; the second year must follow the first.
    public init?(_ text: some StringProtocol) {
        let parts = String(text).split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
        guard parts.count == 2,
              let first = Self.year(parts[0]), let second = Int(parts[1]), parts[1].allSatisfy(\.isASCII) else { return nil }
        switch parts[1].count {
        case 2: guard second == (first + 1) % 100 else { return nil }
        case 4: guard second == first + 1 else { return nil }
        default: return nil
        }
        startYear = first
    }

    /// The year whose publication window holds `publication`: the one whose deadline is the first
    /// on or after it (published 1 July 2024 to 30 June 2025 → `2024-25`).
    public static func publishedOn(_ publication: CivilDate, deadlineMonth: Int, deadlineDay: Int) -> AssessmentYear {
        let afterDeadline = (publication.month, publication.day) > (deadlineMonth, deadlineDay)
        return AssessmentYear(startYear: afterDeadline ? publication.year : publication.year - 1)
    }

    /// The day the year begins: 1 April of `startYear`.
    public var firstDay: CivilDate {
        CivilDate(year: startYear, month: 4, day: 1) ?? CivilDate(daysSince1970: 0)
    }

    /// The day this year's assessment is due by.
    public func deadline(month: Int, day: Int) -> CivilDate {
        let year = startYear + 1
        let month = min(max(month, 1), 12)
        let day = min(max(day, 1), CivilDate.days(inMonth: month, year: year))
        return CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSince1970: 0)
    }

    /// The last day this year's assessment is current: the next year's deadline.
    public func lastCurrentDay(deadlineMonth: Int, deadlineDay: Int) -> CivilDate {
        AssessmentYear(startYear: startYear + 1).deadline(month: deadlineMonth, day: deadlineDay)
    }

    public var next: AssessmentYear { AssessmentYear(startYear: startYear + 1) }

    public static func < (lhs: AssessmentYear, rhs: AssessmentYear) -> Bool { lhs.startYear < rhs.startYear }

    /// `2025-26`.
    public var description: String {
        let end = (startYear + 1) % 100
        return "\(startYear)-\(end < 10 ? "0" : "")\(end)"
    }

    private static func year(_ text: Substring) -> Int? {
        guard text.allSatisfy(\.isASCII), let value = Int(text) else { return nil }
        switch text.count {
        case 2: return 2000 + value
        case 4: return value
        default: return nil
        }
    }
}
