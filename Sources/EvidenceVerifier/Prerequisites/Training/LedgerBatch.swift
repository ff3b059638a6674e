import Foundation

/// Training rows judged but not yet entered in the `TrainingLedger`: each row's lower-cased person key,
/// its accepted expiry and alias, in file order. The row judge fills one batch on one thread while the
/// ledger enters the previous one on another (see `CSVEvidenceReader`).
struct LedgerBatch {
    /// The keys, lower-cased, one after another.
    private(set) var keys: [UInt8] = []
    /// Where each row's key ends in `keys` (it starts where the previous one ends).
    private(set) var ends: [Int] = []
    /// Each row's accepted expiry, as `Date`'s seconds since 2001; NaN for none.
    private(set) var expiries: [Double] = []
    /// Each row's other staff ID (an ESR assignment number), if any.
    private(set) var aliases: [String?] = []

    /// Notes the person keyed by `key` (any case); with `expiry`, one accepted completion that ends then;
    /// with `alias`, another staff ID that finds them too.
    mutating func note(_ key: CSVField, expiry: Date? = nil, alias: String? = nil) {
        ASCIICase.appendLowercased(key.bytes, to: &keys)
        ends.append(keys.count)
        expiries.append(expiry?.timeIntervalSinceReferenceDate ?? .nan)
        aliases.append(alias)
    }

    /// Empties the batch, keeping its memory for the next one.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        expiries.removeAll(keepingCapacity: true)
        aliases.removeAll(keepingCapacity: true)
    }
}
