import Foundation
import Testing
@testable import EvidenceVerifier

@Suite struct EvidenceDateTests {
    /// Calendar dates mean the start of that day in Europe/London: 00:00 GMT in winter, 23:00 UTC the day before in summer.
    @Test(arguments: [
        ("2025-04-03", "2025-04-02T23:00:00Z"),
        ("03/04/2025", "2025-04-02T23:00:00Z"),
        ("3/4/2025", "2025-04-02T23:00:00Z"),
        ("03-Apr-2025", "2025-04-02T23:00:00Z"),
        ("3-APR-2025", "2025-04-02T23:00:00Z"),
        ("03-apr-2025", "2025-04-02T23:00:00Z"),
        ("2025-01-15", "2025-01-15T00:00:00Z"),
        ("15/01/2025", "2025-01-15T00:00:00Z"),
        ("29/02/2024", "2024-02-29T00:00:00Z"),
        ("2025-03-30", "2025-03-30T00:00:00Z"),
        ("2025-03-31", "2025-03-30T23:00:00Z"),
        ("2025-10-26", "2025-10-25T23:00:00Z"),
        ("2025-10-27", "2025-10-27T00:00:00Z"),
    ])
    func calendarDatesStartTheUKDay(_ text: String, _ expected: String) throws {
        var parser = EvidenceDateParser()
        let parsed = parser.parse(text)
        let date = try #require(parsed)
        #expect(date.instant == IGFixtures.instant(expected))
        #expect(date.calendarDate != nil)
    }

    @Test(arguments: [
        ("2025-04-03T10:15:00Z", "2025-04-03T10:15:00Z"),
        ("2025-04-03t10:15:00z", "2025-04-03T10:15:00Z"),
        ("2025-04-03T10:15:00+01:00", "2025-04-03T09:15:00Z"),
        ("2025-04-03T10:15:00+0100", "2025-04-03T09:15:00Z"),
        ("2025-04-03T10:15:00-05", "2025-04-03T15:15:00Z"),
        ("2025-04-03 10:15:00Z", "2025-04-03T10:15:00Z"),
        ("2025-04-03T10:15Z", "2025-04-03T10:15:00Z"),
        ("2025-04-03T10:15:00.750Z", "2025-04-03T10:15:00Z"),
        ("2025-04-03T10:15:00", "2025-04-03T09:15:00Z"),
        ("2025-01-03T10:15:00", "2025-01-03T10:15:00Z"),
    ])
    func dateTimesKeepTheirZoneOrAreUKLocal(_ text: String, _ expected: String) throws {
        var parser = EvidenceDateParser()
        let parsed = parser.parse(text)
        let date = try #require(parsed)
        #expect(date.instant.timeIntervalSince(IGFixtures.instant(expected)).magnitude < 1)
        #expect(date.calendarDate == nil)
    }

    @Test func fractionalSecondsAreKept() throws {
        var parser = EvidenceDateParser()
        let parsed = parser.parse("2025-04-03T10:15:00.25Z")
        let date = try #require(parsed)
        #expect(date.instant == IGFixtures.instant("2025-04-03T10:15:00Z").addingTimeInterval(0.25))
    }

    @Test(arguments: [
        "04/13/2025", "13/13/2025", "31/04/2025", "29/02/2025", "2025-02-29", "2025-13-01", "2025-4-3",
        "03/04/25", "03.04.2025", "03 Apr 2025", "03-Abc-2025", "April 3, 2025", "", "  ", "yesterday",
        "0225-04-03", "2025-04-03T25:00:00Z", "2025-04-03T10:60Z", "2025-04-03T10:15:00+25:00",
        "2025-04-03T10:15:00Zjunk", "2025-04-03X", "003/04/2025", "03/004/2025", "03/04/20255",
    ])
    func refusesEverythingElse(_ text: String) {
        var parser = EvidenceDateParser()
        let parsed = parser.parse(text)
        #expect(parsed == nil)
    }

    @Test func addingDaysCountsUKCalendarDays() throws {
        var parser = EvidenceDateParser()
        let parsedWinter = parser.parse("30/03/2025"), parsedTimed = parser.parse("2025-03-30T12:00:00Z")
        let winter = try #require(parsedWinter), timed = try #require(parsedTimed)
        // 30 March 2025 starts in GMT, 30 March 2026 in BST: 365 UK days later is still the start of a UK day.
        #expect(parser.adding(days: 365, to: winter) == IGFixtures.instant("2026-03-29T23:00:00Z"))
        // A date-time moves by whole 24-hour days.
        #expect(parser.adding(days: 2, to: timed) == IGFixtures.instant("2025-04-01T12:00:00Z"))
    }

    @Test(arguments: [
        (CivilDate(year: 1970, month: 1, day: 1), 0),
        (CivilDate(year: 2000, month: 3, day: 1), 11_017),
        (CivilDate(year: 2024, month: 2, day: 29), 19_782),
        (CivilDate(year: 1969, month: 12, day: 31), -1),
    ])
    func civilDatesCountDaysFrom1970(_ date: CivilDate?, _ days: Int) throws {
        let date = try #require(date)
        #expect(date.daysSince1970 == days)
        #expect(CivilDate(daysSince1970: days) == date)
    }

    @Test func civilDatesRoundTripEveryDayFor400Years() {
        var previous = CivilDate(daysSince1970: -1)
        for day in 0..<(146_097) {
            let date = CivilDate(daysSince1970: day)
            #expect(date.daysSince1970 == day)
            #expect(previous < date)
            previous = date
        }
    }

    /// The cached start of every UK day from 1969 to 2100, first asked and then asked again (the table's
    /// minutes, or the dictionary beyond it), is the instant Foundation's Europe/London calendar gives.
    @Test func cachedDayStartsAreFoundationsForEveryDay() {
        var calendar = UKCalendar(), reference = Calendar(identifier: .gregorian)
        reference.timeZone = UKCalendar.timeZone
        var mismatches = 0
        for day in -366..<47_482 + 366 {
            let date = CivilDate(daysSince1970: day)
            let expected = reference.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
            let first = calendar.startOfDay(daysSince1970: day), second = calendar.startOfDay(date)
            if first != expected || second != expected || first.timeIntervalSinceReferenceDate.bitPattern != expected?.timeIntervalSinceReferenceDate.bitPattern {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }
}
