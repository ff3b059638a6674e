import Foundation

/// A set of strings kept as UTF-8 bytes in one buffer, each member numbered in the order it was
/// added (0, 1, 2, …) so callers can keep what they know about it in a parallel array. It
/// remembers a million addresses in tens of megabytes: a member costs its bytes plus a few
/// machine words of index, against well over 100 bytes for a `Set<String>` or `Dictionary`
/// entry holding a heap-allocated string. Members are compared as exact bytes.
///
/// Open addressing over a power-of-two table with the standard library's per-process seeded
/// hash, so a hostile file cannot choose strings that all collide.
struct CompactStringSet {
    private var bytes: [UInt8] = []
    /// Where each member ends in `bytes` (it starts where the previous one ends).
    private var ends: [Int] = []
    /// Each member's hash, so a probe compares bytes only on a hash match and growing needs no rehashing.
    private var hashes: [Int] = []
    /// Member number + 1 in each slot; 0 is empty.
    private var slots = [Int](repeating: 0, count: 16)

    var count: Int { ends.count }

    /// Adds `member` unless it is present; returns whether it was added and its number.
    @discardableResult
    mutating func insert(_ member: String) -> (inserted: Bool, index: Int) {
        var member = member
        return member.withUTF8 { bytes in
            let hash = Self.hash(bytes)
            switch find(bytes, hash: hash) {
            case .found(let index): return (false, index)
            case .vacant(let slot): return (true, add(bytes, hash: hash, at: slot))
            }
        }
    }

    /// The number of `member`, or nil when it is not in the set.
    func index(of member: String) -> Int? {
        var member = member
        return member.withUTF8 { bytes in
            if case .found(let index) = find(bytes, hash: Self.hash(bytes)) { return index }
            return nil
        }
    }

    /// The member numbered `index`.
    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }

    private enum Probe {
        case found(Int)
        case vacant(slot: Int)
    }

    private func find(_ member: UnsafeBufferPointer<UInt8>, hash: Int) -> Probe {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let index = slots[slot] - 1
            if hashes[index] == hash && holds(member, at: index) { return .found(index) }
            slot = (slot + 1) & mask
        }
        return .vacant(slot: slot)
    }

    private mutating func add(_ member: UnsafeBufferPointer<UInt8>, hash: Int, at slot: Int) -> Int {
        bytes.append(contentsOf: member)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = count
        if count * 2 > slots.count { grow() }
        return count - 1
    }

    /// Whether member `index` is exactly `member`.
    private func holds(_ member: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == member.count else { return false }
        guard let other = member.baseAddress, !member.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { stored in
            // `start + member.count` ≤ `stored.count`, so the base address exists.
            memcmp(stored.baseAddress! + start, other, member.count) == 0
        }
    }

    /// Doubles the table, keeping it at most half full so probes stay short.
    private mutating func grow() {
        var larger = [Int](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = hash & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = index + 1
        }
        slots = larger
    }

    private static func hash(_ member: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(member))
        return hasher.finalize()
    }
}
