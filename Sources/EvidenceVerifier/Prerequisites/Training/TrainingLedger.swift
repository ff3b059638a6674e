import Foundation

/// Everything the `ig-training` check keeps while streaming training records: one entry per
/// distinct member of staff (their lower-cased person key: an email address or a staff ID),
/// never the rows themselves. Keys are kept as compact bytes (`CompactStringSet`), with each
/// person's latest accepted expiry in a parallel array (8 bytes a person): after the as-of instant it
/// is the end of their current training, else the day their training expired.
///
/// Rows are taken in batches of `batchSize`: the batch's keys are hashed and their table slots loaded
/// together, so the cache misses of a million-person table overlap instead of queueing one per row.
/// `finish()` takes the last batch; only then may the ledger be read.
struct TrainingLedger {
    private let asOf: Double
    private var people = CompactStringSet()
    /// Per person, the latest expiry among their accepted completions, as `Date`'s seconds since 2001;
    /// NaN for none.
    private var latestExpiry: [Double] = []
    /// Other staff IDs of people (ESR assignment numbers), each with its person's entry.
    private var aliases = CompactStringSet()
    private var aliasedPerson: [Int32] = []
    /// The batch not yet taken: lower-cased keys one after another, where each ends, its row's accepted
    /// expiry (NaN for none) and alias.
    private var pendingKeys: [UInt8] = []
    private var pendingEnds: [Int] = []
    private var pendingExpiry: [Double] = []
    private var pendingAlias: [String?] = []
    private var hashes: [UInt64] = []

    static let batchSize = 32

    init(asOf: Date) {
        self.asOf = asOf.timeIntervalSinceReferenceDate
        pendingEnds.reserveCapacity(Self.batchSize)
        pendingExpiry.reserveCapacity(Self.batchSize)
        pendingAlias.reserveCapacity(Self.batchSize)
        hashes.reserveCapacity(Self.batchSize)
    }

    /// Makes room for `staff` people whose keys take about `keyBytes` bytes in all.
    mutating func reserveCapacity(staff: Int, keyBytes: Int) {
        people.reserveCapacity(members: staff, bytes: keyBytes)
        latestExpiry.reserveCapacity(staff)
    }

    /// Counts the person keyed by `key` (any case) as a member of staff, even when none of their courses
    /// is accepted; with `expiry`, one accepted completion (completed by the as-of instant) that ends then;
    /// with `alias`, another staff ID (an ESR assignment number) that finds them too (the first person named wins).
    mutating func note(_ key: CSVField, expiry: Date? = nil, alias: String? = nil) {
        ASCIICase.appendLowercased(key.bytes, to: &pendingKeys)
        pendingEnds.append(pendingKeys.count)
        pendingExpiry.append(expiry?.timeIntervalSinceReferenceDate ?? .nan)
        pendingAlias.append(alias)
        if pendingEnds.count == Self.batchSize { takeBatch() }
    }

    /// Takes the last rows noted; call once all rows are read, before reading the ledger.
    mutating func finish() {
        takeBatch()
    }

    private mutating func takeBatch() {
        guard !pendingEnds.isEmpty else { return }
        pendingKeys.withUnsafeBufferPointer { keys in
            hashes.removeAll(keepingCapacity: true)
            var start = 0
            for end in pendingEnds {
                hashes.append(CompactStringSet.hash(UnsafeBufferPointer(rebasing: keys[start..<end])))
                start = end
            }
            people.prefetch(hashes)
            start = 0
            for (row, end) in pendingEnds.enumerated() {
                let (inserted, person) = people.insert(bytes: UnsafeBufferPointer(rebasing: keys[start..<end]), hash: hashes[row])
                start = end
                if inserted { latestExpiry.append(.nan) }
                let expiry = pendingExpiry[row]
                if !expiry.isNaN, !(latestExpiry[person] >= expiry) { latestExpiry[person] = expiry }
                if let alias = pendingAlias[row], aliases.insert(alias).inserted {
                    aliasedPerson.append(Int32(clamping: person))
                }
            }
        }
        pendingKeys.removeAll(keepingCapacity: true)
        pendingEnds.removeAll(keepingCapacity: true)
        pendingExpiry.removeAll(keepingCapacity: true)
        pendingAlias.removeAll(keepingCapacity: true)
    }

    var distinctStaff: Int {
        precondition(pendingEnds.isEmpty, "TrainingLedger read before finish()")
        return latestExpiry.count
    }

    /// How many members of staff hold current training.
    var currentCount: Int {
        precondition(pendingEnds.isEmpty, "TrainingLedger read before finish()")
        return latestExpiry.count { $0 > asOf }
    }

    /// The expiry at index `rank` (0-based) of the current staff's expiries sorted ascending, selected in
    /// place (`OrderStatistic`): no copy of a million expiries is made.
    func currentExpiry(rank: Int) -> Date {
        precondition(pendingEnds.isEmpty, "TrainingLedger read before finish()")
        let asOf = self.asOf
        return Date(timeIntervalSinceReferenceDate: OrderStatistic.select(rank) { take in
            for latest in latestExpiry where latest > asOf { take(latest) }
        })
    }

    /// How many hold only expired accepted training.
    var onlyExpired: Int {
        precondition(pendingEnds.isEmpty, "TrainingLedger read before finish()")
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
        precondition(pendingEnds.isEmpty, "TrainingLedger read before finish()")
        let latest = latestExpiry[index]
        guard !latest.isNaN else { return StaffTraining(currentUntil: nil, expiredOn: nil) }
        let instant = Date(timeIntervalSinceReferenceDate: latest)
        return latest > asOf ? StaffTraining(currentUntil: instant, expiredOn: nil) : StaffTraining(currentUntil: nil, expiredOn: instant)
    }
}
