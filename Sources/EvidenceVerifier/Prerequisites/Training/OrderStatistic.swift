/// The k-th smallest of many values without sorting or even storing them all: radix selection over the
/// values' order-preserving 64-bit keys, a byte a pass. Each pass counts, among the values whose keys
/// start with the bytes decided so far, how many fall under each next byte, and keeps the bucket that
/// holds rank k; once that bucket holds at most `gatherLimit` values, one more pass gathers them and
/// sorts them (a day's expiries are equal, so a million of them take three or four passes, not eight).
/// Linear time in any order a file lists them, 2 KiB of counts and at most `gatherLimit` values held.
enum OrderStatistic {
    /// The most values gathered and sorted at the end.
    static let gatherLimit = 4_096

    /// The value that would be at index `k` (0-based) of `values` sorted ascending. `values` hands each
    /// value to its argument and must hand the same values every time it is called (up to nine times);
    /// NaN is not a value here.
    static func select(_ k: Int, of values: ((Double) -> Void) -> Void) -> Double {
        var counts = [Int](repeating: 0, count: 256)
        var prefix: UInt64 = 0
        var rank = k
        for pass in 0..<8 {
            let shift = UInt64(56 - 8 * pass)
            for bucket in counts.indices { counts[bucket] = 0 }
            var total = 0
            counts.withUnsafeMutableBufferPointer { counts in
                values { value in
                    let key = sortable(value)
                    // The first pass takes every value; later ones those under the prefix decided so far.
                    guard pass == 0 || key >> (shift + 8) == prefix else { return }
                    counts[Int(truncatingIfNeeded: (key >> shift) & 0xFF)] += 1
                    total += 1
                }
            }
            precondition((0..<total).contains(rank), "select(\(k)): fewer values than that, or not the same ones each time")
            var bucket = 0
            while rank >= counts[bucket] {
                rank -= counts[bucket]
                bucket += 1
            }
            prefix = prefix << 8 | UInt64(bucket)
            if pass < 7, counts[bucket] <= gatherLimit {
                // Few enough left under the prefix: gather them and sort.
                var gathered: [Double] = []
                gathered.reserveCapacity(counts[bucket])
                values { value in
                    if sortable(value) >> shift == prefix { gathered.append(value) }
                }
                precondition(gathered.count == counts[bucket], "select(\(k)): not the same values each time")
                gathered.sort { sortable($0) < sortable($1) }
                return gathered[rank]
            }
        }
        return value(ofSortable: prefix)
    }

    /// `value`'s bits reordered so unsigned order is numeric order: positive values get the sign bit set,
    /// negative ones have every bit flipped (so larger magnitudes come first).
    private static func sortable(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) == 0 ? bits | 1 << 63 : ~bits
    }

    private static func value(ofSortable key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
