import Foundation

/// Everything the `ig-training` check keeps while streaming training records: one entry per
/// distinct member of staff (their lower-cased person key: an email address or a staff ID),
/// never the rows themselves. Keys are kept as compact bytes (`CompactStringSet`), with each
/// person's latest current and expired expiry in parallel arrays (16 bytes a person).
struct TrainingLedger {
    private var people = CompactStringSet()
    /// Per person, the latest expiry among their current accepted completions, as `Date`'s seconds
    /// since 2001; NaN for none.
    private var currentUntil: [Double] = []
    /// Per person, the latest expiry among their accepted completions that have already expired; NaN for none.
    private var expiredOn: [Double] = []
    /// The key being looked up, lower-cased here so that a row costs no allocation.
    private var lowered: [UInt8] = []
    /// Other staff IDs of people (ESR assignment numbers), each with its person's entry.
    private var aliases = CompactStringSet()
    private var aliasedPerson: [Int32] = []

    /// Makes room for `staff` people whose keys take about `keyBytes` bytes in all.
    mutating func reserveCapacity(staff: Int, keyBytes: Int) {
        people.reserveCapacity(members: staff, bytes: keyBytes)
        currentUntil.reserveCapacity(staff)
        expiredOn.reserveCapacity(staff)
    }

    /// Counts the person keyed by `key` (any case) as a member of staff, even when none of their
    /// courses is accepted; returns their entry, for `add`.
    mutating func note(_ key: CSVField) -> Int {
        ASCIICase.lowercase(key.bytes, into: &lowered)
        let (inserted, index) = lowered.withUnsafeBufferPointer { people.insert(bytes: $0) }
        if inserted {
            currentUntil.append(.nan)
            expiredOn.append(.nan)
        }
        return index
    }

    /// Takes in one accepted completion, completed by `asOf`, of the person at `entry`.
    mutating func add(_ entry: Int, expiry: Date, asOf: Date) {
        let seconds = expiry.timeIntervalSinceReferenceDate
        if asOf < expiry {
            if !(currentUntil[entry] >= seconds) { currentUntil[entry] = seconds }
        } else if !(expiredOn[entry] >= seconds) {
            expiredOn[entry] = seconds
        }
    }

    var distinctStaff: Int { currentUntil.count }

    /// The expiry of each member of staff whose training is current, in no particular order.
    var currentExpiries: [Date] {
        currentUntil.compactMap { $0.isNaN ? nil : Date(timeIntervalSinceReferenceDate: $0) }
    }

    /// How many hold only expired accepted training.
    var onlyExpired: Int {
        zip(currentUntil, expiredOn).count { $0.0.isNaN && !$0.1.isNaN }
    }

    /// Makes `other` (an ESR assignment number) find the person at `entry` (keyed by their employee number)
    /// too; the first person named wins.
    mutating func alias(_ other: String, to entry: Int) {
        let (inserted, _) = aliases.insert(other)
        if inserted { aliasedPerson.append(Int32(clamping: entry)) }
    }

    subscript(person: String) -> StaffTraining? {
        people.index(of: person).map(training(at:))
    }

    /// The person a user list's staff ID names: a person key, else an alias.
    subscript(staffID staffID: String) -> StaffTraining? {
        self[staffID] ?? aliases.index(of: staffID).map { training(at: Int(aliasedPerson[$0])) }
    }

    private func training(at index: Int) -> StaffTraining {
        StaffTraining(
            currentUntil: currentUntil[index].isNaN ? nil : Date(timeIntervalSinceReferenceDate: currentUntil[index]),
            expiredOn: expiredOn[index].isNaN ? nil : Date(timeIntervalSinceReferenceDate: expiredOn[index]))
    }
}
