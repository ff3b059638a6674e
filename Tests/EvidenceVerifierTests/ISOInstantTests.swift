import Foundation
import Testing
@testable import EvidenceVerifier

/// `--as-of` and report instants: a full ISO 8601 date-time with a zone, and nothing else.
@Suite struct ISOInstantTests {
    static let noon = Date(timeIntervalSince1970: 1_775_044_800)  // 2026-04-01T12:00:00Z

    @Test(arguments: [
        ("2026-04-01T12:00:00Z", 0.0),
        ("2026-04-01T13:00:00+01:00", 0.0),
        ("2026-04-01T06:30:00-05:30", 0.0),
        ("2026-04-02T02:00:00+14:00", 0.0),
        ("2026-04-01T12:00:00-00:00", 0.0),
        ("2026-04-01T12:00:00.250Z", 0.25),
    ])
    func acceptsFullInstantsWithAZone(text: String, extra: Double) {
        #expect(ISOInstant.parse(text) == Self.noon.addingTimeInterval(extra))
    }

    @Test func acceptsTheLeapDayAndTheReportForm() {
        #expect(ISOInstant.parse("2028-02-29T00:00:00Z") != nil)
        #expect(ISOInstant.parse(ISOInstant.string(Self.noon)) == Self.noon)
    }

    @Test(arguments: [
        "2026-04-01T12:00:00Zjunk", "2026-04-01T12:00:00Z ", " 2026-04-01T12:00:00Z", "2026-04-01T12:00:00Z\n",
        "2026-04-01T12:00:00+99:00", "2026-04-01T12:00:00+24:00", "2026-04-01T12:00:00+15:00", "2026-04-01T12:00:00+01:60",
        "2026-04-01T12:00:00+0100", "2026-04-01T12:00:00+01", "2026-02-30T12:00:00Z", "2027-02-29T12:00:00Z",
        "2026-13-01T12:00:00Z", "2026-04-31T12:00:00Z", "2026-04-01T24:00:00Z", "2026-04-01T12:60:00Z",
        "2026-04-01T12:00:60Z", "2026-04-01", "2026-04-01T12:00:00", "2026-04-01T12:00Z", "20260401T120000Z",
        "2026-04-01 12:00:00Z", "2026-04-01T12:00:00.Z", "2026-04-01T12:00:00.1234567890Z", "0000-01-01T00:00:00Z",
        "+2026-04-01T12:00:00Z", "２０２６-04-01T12:00:00Z", "yesterday", "",
    ])
    func refusesEverythingElse(text: String) {
        #expect(ISOInstant.parse(text) == nil)
    }
}
