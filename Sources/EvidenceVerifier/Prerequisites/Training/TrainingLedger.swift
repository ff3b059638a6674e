import Foundation

/// Everything the `ig-training` check keeps while streaming training records: one entry per
/// distinct member of staff (their lower-cased person key: an email address or a staff ID),
/// never the rows themselves. Keys are kept as compact bytes (`CompactStringSet`), with what is
/// known of each person in a parallel array.
struct TrainingLedger {
    private var people = CompactStringSet()
    private var training: [StaffTraining] = []
    /// Other staff IDs of people (ESR assignment numbers), each with its person's number in `people`.
    private var aliases = CompactStringSet()
    private var aliasedPerson: [Int32] = []

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

    /// Makes `other` (an ESR assignment number) find `person` (their employee number) too; the first person named wins.
    mutating func alias(_ other: String, to person: String) {
        let (inserted, _) = aliases.insert(other)
        if inserted { aliasedPerson.append(Int32(clamping: entry(person))) }
    }

    subscript(person: String) -> StaffTraining? {
        people.index(of: person).map { training[$0] }
    }

    /// The person a user list's staff ID names: a person key, else an alias.
    subscript(staffID staffID: String) -> StaffTraining? {
        self[staffID] ?? aliases.index(of: staffID).map { training[Int(aliasedPerson[$0])] }
    }

    /// The position of `person`'s entry, made when they are new.
    private mutating func entry(_ person: String) -> Int {
        let (inserted, index) = people.insert(person)
        if inserted { training.append(StaffTraining()) }
        return index
    }
}
