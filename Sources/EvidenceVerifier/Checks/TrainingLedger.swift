import Foundation

/// Everything the `ig-training` check keeps while streaming training records: one entry per
/// distinct member of staff (their lower-cased person key: an email address or a staff ID),
/// never the rows themselves.
struct TrainingLedger {
    private(set) var staff: [String: StaffTraining] = [:]

    /// Counts `person` as a member of staff even when none of their courses is accepted.
    mutating func note(_ person: String) {
        if staff[person] == nil { staff[person] = StaffTraining() }
    }

    /// Takes in one accepted completion of `person` that was completed by `asOf`.
    mutating func add(_ person: String, expiry: Date, asOf: Date) {
        staff[person, default: StaffTraining()].add(expiry: expiry, asOf: asOf)
    }

    var distinctStaff: Int { staff.count }

    /// The expiry of each member of staff whose training is current, earliest first.
    var currentExpiries: [Date] {
        staff.values.compactMap(\.currentUntil).sorted()
    }

    /// How many hold only expired accepted training.
    var onlyExpired: Int {
        staff.values.count { $0.currentUntil == nil && $0.expiredOn != nil }
    }

    subscript(person: String) -> StaffTraining? { staff[person] }
}
