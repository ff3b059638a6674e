/// The names an archive lists, compared as raw bytes: a name listed twice, or one that is both a file and a
/// folder (`dup` and `dup/inner`, in either order), is refused before anything is unpacked.
struct ZipNameSet {
    private var files: Set<[UInt8]> = []
    /// Every folder, listed or implied by a deeper name.
    private var folders: Set<[UInt8]> = []
    private var listedFolders: Set<[UInt8]> = []

    mutating func insert(_ name: ZipEntryName) throws(ZipRefusal) {
        let path = name.path
        if name.isFolder {
            if files.contains(path) { throw ZipRefusal("entry \(name.quoted) is both a file and a folder") }
            guard listedFolders.insert(path).inserted else { throw ZipRefusal("entry \(name.quoted) appears twice") }
            folders.insert(path)
        } else {
            if folders.contains(path) { throw ZipRefusal("entry \(name.quoted) is both a file and a folder") }
            guard files.insert(path).inserted else { throw ZipRefusal("entry \(name.quoted) appears twice") }
        }
        for ancestor in name.ancestors {
            if files.contains(ancestor) {
                throw ZipRefusal("entry \(ZipEntryName(bytes: ancestor).quoted) is both a file and a folder")
            }
            folders.insert(ancestor)
        }
    }
}
