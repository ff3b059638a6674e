/// The names an archive lists, compared as raw bytes: a name listed twice, or one that is both a file and a
/// folder (`dup` and `dup/inner`, in either order), is refused before anything is unpacked; the folders the
/// names imply without listing them are counted, since unpacking makes them too.
///
/// Names are sorted with "/" ranked below every other byte (names hold no NUL), so everything inside a
/// folder `X` sorts right after `X` itself: each conflict is between neighbours, found in O(n log n) time
/// and no more memory than the names, however deep they go.
struct ZipNameSet {
    private struct Key {
        let bytes: [UInt8]
        let name: ZipEntryName
    }

    private var keys: [Key] = []

    mutating func insert(_ name: ZipEntryName) {
        keys.append(Key(bytes: name.path.map { $0 == UInt8(ascii: "/") ? 0 : $0 }, name: name))
    }

    /// Refuses the first duplicate or file-and-folder name, in sorted order; returns how many folders the
    /// names imply without listing them (`a` for `a/b.txt`).
    func check() throws(ZipRefusal) -> Int {
        let sorted = keys.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        for (first, second) in zip(sorted, sorted.dropFirst()) {
            if first.bytes == second.bytes {
                if first.name.isFolder == second.name.isFolder {
                    throw ZipRefusal("entry \(first.name.quoted) appears twice")
                }
                let file = first.name.isFolder ? second.name : first.name
                throw ZipRefusal("entry \(file.quoted) is both a file and a folder")
            }
            if !first.name.isFolder, second.bytes.count > first.bytes.count,
               second.bytes[first.bytes.count] == 0, second.bytes.starts(with: first.bytes) {
                throw ZipRefusal("entry \(first.name.quoted) is both a file and a folder")
            }
        }
        return Self.impliedFolders(in: sorted)
    }

    /// A folder above a name is new unless the name before it in sorted order is that folder or lies inside it.
    private static func impliedFolders(in sorted: [Key]) -> Int {
        var count = 0
        var previous: [UInt8] = []
        for key in sorted {
            let common = zip(previous, key.bytes).prefix { $0 == $1 }.count
            for (position, byte) in key.bytes.enumerated()
            where byte == 0 && (position > common || (position == common && previous.count != common)) {
                count += 1
            }
            previous = key.bytes
        }
        return count
    }
}
