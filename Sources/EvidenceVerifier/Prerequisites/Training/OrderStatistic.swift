/// The k-th smallest of many values without sorting them all: quickselect with random pivots
/// (expected linear time whatever order a file lists them in), falling back to sorting the part
/// still undecided if the pivots keep splitting badly, so the worst case stays n log n.
enum OrderStatistic {
    /// The value that would be at index `k` (0-based) of `values` sorted ascending; `values` is reordered.
    static func select<Value: Comparable>(_ k: Int, in values: inout [Value]) -> Value {
        precondition(values.indices.contains(k), "select(\(k)) of \(values.count) values")
        var low = 0, high = values.count - 1
        var rounds = 2 * (Int.bitWidth - values.count.leadingZeroBitCount) + 8
        var generator = SystemRandomNumberGenerator()
        while low < high {
            rounds -= 1
            if rounds == 0 {
                values[low...high].sort()
                break
            }
            let pivot = values[Int.random(in: low...high, using: &generator)]
            // Three-way partition of low...high: < pivot, == pivot, > pivot.
            var less = low, index = low, greater = high
            while index <= greater {
                if values[index] < pivot {
                    values.swapAt(less, index)
                    less += 1
                    index += 1
                } else if pivot < values[index] {
                    values.swapAt(index, greater)
                    greater -= 1
                } else {
                    index += 1
                }
            }
            if k < less {
                high = less - 1
            } else if k > greater {
                low = greater + 1
            } else {
                return pivot
            }
        }
        return values[k]
    }
}
