import Foundation

/// Everything the `ig-training` check keeps while streaming training records: one entry per
/// distinct member of staff (their lower-cased person key: an email address or a staff ID),
/// never the rows themselves. Keys are kept as compact bytes (`CompactStringSet`), with each
/// person's latest accepted expiry in a parallel array (8 bytes a person): after the as-of instant it
/// is the end of their current training, else the day their training expired.
///
/// Rows come in batches (`LedgerBatch`), entered `groupSize` at a time: a group's keys are hashed and their
/// table slots loaded together, so the cache misses of a million-person table overlap instead of queueing
/// one per row.
struct TrainingLedger {
    private let asOf: Double
    private var people = CompactStringSet()
    /// Per person, the latest expiry among their accepted completions, as `Date`'s seconds since 2001;
    /// NaN for none.
    private var latestExpiry: [Double] = []
    /// Other staff IDs of people (ESR assignment numbers), each with its person's entry.
    private var aliases = CompactStringSet()
    private var aliasedPerson: [Int32] = []
    private var hashes: [UInt64] = []

    static let groupSize = 32

    init(asOf: Date) {
        self.asOf = asOf.timeIntervalSinceReferenceDate
        hashes.reserveCapacity(Self.groupSize)
    }

    /// Makes room for `staff` people whose keys take about `keyBytes` bytes in all.
    mutating func reserveCapacity(staff: Int, keyBytes: Int) {
        people.reserveCapacity(members: staff, bytes: keyBytes)
        latestExpiry.reserveCapacity(staff)
    }

    /// Enters every row of `batch`, in order, and empties it: each row's person is counted as a member of
    /// staff (even when none of their courses is accepted), their latest accepted expiry kept, and an alias
    /// finds the person it was first noted with.
    mutating func enter(_ batch: inout LedgerBatch) {
        batch.keys.withUnsafeBufferPointer { keys in
            batch.ends.withUnsafeBufferPointer { ends in
                var groupStart = 0, keyStart = 0
                while groupStart < ends.count {
                    let group = groupStart..<min(groupStart + Self.groupSize, ends.count)
                    hashes.removeAll(keepingCapacity: true)
                    var start = keyStart
                    for row in group {
                        hashes.append(CompactStringSet.hash(UnsafeBufferPointer(rebasing: keys[start..<ends[row]])))
                        start = ends[row]
                    }
                    people.prefetch(hashes)
                    for row in group {
                        let key = UnsafeBufferPointer(rebasing: keys[keyStart..<ends[row]])
                        keyStart = ends[row]
                        let (inserted, person) = people.insert(bytes: key, hash: hashes[row - group.lowerBound])
                        if inserted { latestExpiry.append(.nan) }
                        let expiry = batch.expiries[row]
                        if !expiry.isNaN, !(latestExpiry[person] >= expiry) { latestExpiry[person] = expiry }
                        if let alias = batch.aliases[row], aliases.insert(alias).inserted {
                            aliasedPerson.append(Int32(clamping: person))
                        }
                    }
                    groupStart = group.upperBound
                }
            }
        }
        batch.removeAll()
    }

    var distinctStaff: Int {
        return latestExpiry.count
    }

    /// How many members of staff hold current training.
    var currentCount: Int {
        return latestExpiry.count { $0 > asOf }
    }

    /// The expiry at index `rank` (0-based) of the current staff's expiries sorted ascending, selected in
    /// place (`OrderStatistic`): no copy of a million expiries is made.
    func currentExpiry(rank: Int) -> Date {
        let asOf = self.asOf
        return Date(timeIntervalSinceReferenceDate: OrderStatistic.select(rank) { take in
            for latest in latestExpiry where latest > asOf { take(latest) }
        })
    }

    /// How many hold only expired accepted training.
    var onlyExpired: Int {
        return latestExpiry.count { $0 <= asOf }
    }

    subscript(person: String) -> StaffTraining? {
        people.index(of: person).map(training(at:))
    }

    /// The person a user list's staff ID names: a person key, else an alias.
    subscript(staffID staffID: String) -> StaffTraining? {
        self[staffID] ?? aliases.index(of: staffID).map { training(at: Int(aliasedPerson[$0])) }
    }

    private func training(at index: Int) -> StaffTraining {
        let latest = latestExpiry[index]
        guard !latest.isNaN else { return StaffTraining(currentUntil: nil, expiredOn: nil) }
        let instant = Date(timeIntervalSinceReferenceDate: latest)
        return latest > asOf ? StaffTraining(currentUntil: instant, expiredOn: nil) : StaffTraining(currentUntil: nil, expiredOn: instant)
    }
}
