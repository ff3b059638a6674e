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
    private var ends: [UInt32] = []
    /// The low half of each member's hash: where it sits in the table, kept so growing needs no rehashing.
    private var hashes: [UInt32] = []
    /// Each slot: the high half of its member's hash above the member's number + 1 (0 is empty), so a
    /// probe rejects a different member without reading anything else.
    private var slots = [UInt64](repeating: 0, count: 16)
    /// What `prefetch` loaded, kept so the loads are not optimised away.
    private var prefetched: UInt64 = 0

    var count: Int { ends.count }

    /// Makes room for `members` members in all (and `bytes` bytes of them) without growing.
    mutating func reserveCapacity(members: Int, bytes: Int) {
        reserveStorage(members: members, bytes: bytes)
        var size = slots.count
        while members * 2 > size { size *= 2 }
        if size > slots.count { resize(to: size) }
    }

    /// Makes room for the bytes and numbers of `members` members (`bytes` bytes in all) but not their
    /// table, which still grows with the members added: memory reserved this way is not resident until
    /// used, so an upper bound costs nothing, where a table that large would.
    mutating func reserveStorage(members: Int, bytes: Int) {
        self.bytes.reserveCapacity(max(bytes, 0))
        ends.reserveCapacity(max(members, 0))
        hashes.reserveCapacity(max(members, 0))
    }

    /// Adds `member` unless it is present; returns whether it was added and its number.
    @discardableResult
    mutating func insert(_ member: String) -> (inserted: Bool, index: Int) {
        var member = member
        return member.withUTF8 { insert(bytes: $0) }
    }

    /// Adds the member spelt by `bytes` (UTF-8) unless it is present; returns whether it was added and its number.
    @discardableResult
    mutating func insert(bytes: UnsafeBufferPointer<UInt8>) -> (inserted: Bool, index: Int) {
        insert(bytes: bytes, hash: Self.hash(bytes))
    }

    /// `insert(bytes:)` for a member whose `hash(_:)` is already known.
    mutating func insert(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (inserted: Bool, index: Int) {
        switch find(bytes, hash: hash) {
        case .found(let index): return (false, index)
        case .vacant(let slot): return (true, add(bytes, hash: hash, at: slot))
        }
    }

    /// The number of `member`, or nil when it is not in the set.
    func index(of member: String) -> Int? {
        var member = member
        return member.withUTF8 { index(ofBytes: $0) }
    }

    /// The number of the member spelt by `bytes`, or nil when it is not in the set.
    func index(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if case .found(let index) = find(bytes, hash: Self.hash(bytes)) { return index }
        return nil
    }

    /// Whether the member numbered `index` is spelt by exactly `bytes`.
    func member(_ index: Int, is bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        holds(bytes, at: index)
    }

    /// The member numbered `index`.
    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }

    private enum Probe {
        case found(Int)
        case vacant(slot: Int)
    }

    private static let numberMask: UInt64 = 0xFFFF_FFFF

    private func find(_ member: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Probe {
        let mask = slots.count - 1
        let tag = hash & ~Self.numberMask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return .vacant(slot: slot) }
            if entry & ~Self.numberMask == tag {
                let index = Int(entry & Self.numberMask) - 1
                if holds(member, at: index) { return .found(index) }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func add(_ member: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int) -> Int {
        // Numbers and offsets are kept in 32 bits: evidence files are far smaller than 4 GiB.
        precondition(bytes.count + member.count < Int(UInt32.max) && count + 1 < Int(UInt32.max), "CompactStringSet is full")
        bytes.append(contentsOf: member)
        ends.append(UInt32(bytes.count))
        hashes.append(UInt32(truncatingIfNeeded: hash))
        slots[slot] = hash & ~Self.numberMask | UInt64(count)
        if count * 2 > slots.count { grow() }
        return count - 1
    }

    /// Whether member `index` is exactly `member`.
    private func holds(_ member: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        guard Int(ends[index]) - start == member.count else { return false }
        guard let other = member.baseAddress, !member.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { stored in
            // `start + member.count` ≤ `stored.count`, so the base address exists.
            memcmp(stored.baseAddress! + start, other, member.count) == 0
        }
    }

    /// Doubles the table, keeping it at most half full so probes stay short.
    private mutating func grow() {
        resize(to: slots.count * 2)
    }

    /// Moves every entry into a table of `size` slots: each goes where the low half of its member's
    /// hash puts it (the table is far smaller than 2³² slots), its entry unchanged.
    private mutating func resize(to size: Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        slots.withUnsafeMutableBufferPointer { table in
            for entry in old where entry != 0 {
                var slot = Int(hashes[Int(entry & Self.numberMask) - 1]) & mask
                while table[slot] != 0 { slot = (slot + 1) & mask }
                table[slot] = entry
            }
        }
    }

    /// Loads the table slot of each of `hashes` (members about to be inserted or looked up), all at once:
    /// the loads do not depend on each other, so their cache misses overlap instead of queueing.
    mutating func prefetch(_ hashes: [UInt64]) {
        let mask = slots.count - 1
        var touched: UInt64 = 0
        slots.withUnsafeBufferPointer { table in
            for hash in hashes { touched |= table[Int(truncatingIfNeeded: hash) & mask] }
        }
        prefetched = touched
    }

    /// Loads the table slot of `hash` (a member about to be inserted or looked up) ahead of its use.
    mutating func prefetch(_ hash: UInt64) {
        prefetched |= slots[Int(truncatingIfNeeded: hash) & (slots.count - 1)]
    }

    /// The member's hash: the standard library's per-process seeded hash of its bytes.
    static func hash(_ member: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(member))
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}
