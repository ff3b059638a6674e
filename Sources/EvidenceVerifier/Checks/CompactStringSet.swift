import Foundation

/// A set of strings kept as UTF-8 bytes in one buffer, each with a small value (`Tag`), for
/// remembering a million addresses in tens of megabytes: a member costs its bytes plus a few
/// machine words of index, against well over 100 bytes for a `Set<String>` entry holding a
/// heap-allocated string. Members are compared as exact bytes.
///
/// Open addressing over a power-of-two table with the standard library's per-process seeded
/// hash, so a hostile file cannot choose addresses that all collide.
struct CompactStringSet<Tag> {
    private var bytes: [UInt8] = []
    /// Where each member ends in `bytes` (it starts where the previous one ends).
    private var ends: [Int] = []
    /// Each member's hash, so a probe compares bytes only on a hash match and growing needs no rehashing.
    private var hashes: [Int] = []
    private var tags: [Tag] = []
    /// Member index + 1 in each slot; 0 is empty.
    private var slots = [Int](repeating: 0, count: 16)

    var count: Int { ends.count }

    /// Adds `member` with `tag` and returns nil, or, when it is already present, returns the tag
    /// it was first added with (and keeps that one).
    mutating func insert(_ member: String, tag: Tag) -> Tag? {
        var member = member
        return member.withUTF8 { insert(bytes: $0, tag: tag) }
    }

    private mutating func insert(bytes member: UnsafeBufferPointer<UInt8>, tag: Tag) -> Tag? {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(member)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let index = slots[slot] - 1
            if hashes[index] == hash && holds(member, at: index) { return tags[index] }
            slot = (slot + 1) & mask
        }
        bytes.append(contentsOf: member)
        ends.append(bytes.count)
        hashes.append(hash)
        tags.append(tag)
        slots[slot] = count
        return nil
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
