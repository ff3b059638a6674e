import Foundation

/// Partners' lapses in the twelve UK calendar months starting with the month of the as-of instant,
/// for the dashboard's calendar strip. A lapse at or before the as-of instant has already happened
/// (`lapsed`); one after the twelfth month is `later`.
public struct LapseCalendar: Sendable, Equatable {
    /// One partner's lapse.
    public struct Entry: Sendable, Equatable {
        public let odsCode: String
        public let lapse: Lapse

        public init(odsCode: String, lapse: Lapse) {
            self.odsCode = odsCode
            self.lapse = lapse
        }
    }

    /// One month of the strip and the partners whose lapse falls in it, earliest first.
    public struct Month: Sendable, Equatable {
        public let month: UKMonth
        public let entries: [Entry]

        public func count(_ reason: LapseReason) -> Int {
            entries.filter { $0.lapse.reason == reason }.count
        }
    }

    public static let monthCount = 12

    public let months: [Month]
    public let lapsed: [Entry]
    public let later: [Entry]

    public init(asOf: Date, entries: [Entry]) {
        let first = UKMonth(containing: asOf)
        let sorted = entries.sorted { ($0.lapse.at, $0.odsCode) < ($1.lapse.at, $1.odsCode) }
        var buckets = [[Entry]](repeating: [], count: Self.monthCount)
        var lapsed: [Entry] = [], later: [Entry] = []
        for entry in sorted {
            guard entry.lapse.at > asOf else {
                lapsed.append(entry)
                continue
            }
            let offset = first.months(to: UKMonth(containing: entry.lapse.at))
            if offset < Self.monthCount { buckets[max(0, offset)].append(entry) } else { later.append(entry) }
        }
        months = (0..<Self.monthCount).map { Month(month: first.adding($0), entries: buckets[$0]) }
        self.lapsed = lapsed
        self.later = later
    }
}
