import Foundation

/// A date read from evidence: the instant it denotes and, when it was written as a calendar
/// date without a time, that UK calendar day.
public struct EvidenceDate: Sendable, Equatable {
    public let instant: Date
    /// The day, when the text was a calendar date (its instant is then the start of that day in Europe/London).
    public let calendarDate: CivilDate?

    public init(instant: Date, calendarDate: CivilDate?) {
        self.instant = instant
        self.calendarDate = calendarDate
    }
}
