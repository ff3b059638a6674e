import Foundation

/// Everything the `ig-training` check keeps while streaming training records: one entry per
/// distinct member of staff (their lower-cased person key: an email address or a staff ID),
/// never the rows themselves. Keys are kept as compact bytes (`CompactStringSet`), with what is
/// known of each person in a parallel array.
struct TrainingLedger {
    private var people = CompactStringSet()
    private var training: [StaffTraining] = []

    /// Counts `person` as a member of staff even when none of their courses is accepted.
    mutating func note(_ person: String) {
        _ = entry(person)
    }

    /// Takes in one accepted completion of `person` that was completed by `asOf`.
    mutating func add(_ person: String, expiry: Date, asOf: Date) {
        training[entry(person)].add(expiry: expiry, asOf: asOf)
    }

    var distinctStaff: Int { training.count }

    /// The expiry of each member of staff whose training is current, earliest first.
    var currentExpiries: [Date] {
        training.compactMap(\.currentUntil).sorted()
    }

    /// How many hold only expired accepted training.
    var onlyExpired: Int {
        training.count { $0.currentUntil == nil && $0.expiredOn != nil }
    }

    subscript(person: String) -> StaffTraining? {
        people.index(of: person).map { training[$0] }
    }

    /// The position of `person`'s entry, made when they are new.
    private mutating func entry(_ person: String) -> Int {
        let (inserted, index) = people.insert(person)
        if inserted { training.append(StaffTraining()) }
        return index
    }
}
