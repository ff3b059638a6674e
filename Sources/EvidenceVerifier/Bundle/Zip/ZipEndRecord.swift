/// The end of central directory record: how many entries the archive lists and where their central
/// directory lies. ZIP64, archives split over several disks and offsets that do not fit the file are refused.
struct ZipEndRecord {
    static let signature: UInt32 = 0x0605_4b50
    static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    static let fixedSize = 22
    static let zip64LocatorSize = 20
    /// The longest comment a record can carry, so the farthest it can start from the end of the file.
    static let maximumCommentLength = 0xFFFF

    let entryCount: Int
    let directoryOffset: Int64
    let directorySize: Int64

    /// Finds the record in the last 64 KiB + 22 bytes: the last signature whose comment ends exactly at the end of the file.
    static func find(in file: ZipArchiveFile) throws(ZipRefusal) -> ZipEndRecord {
        guard file.size >= Int64(fixedSize) else { throw ZipRefusal("is not a zip archive (too short)") }
        let tailLength = Int(min(file.size, Int64(fixedSize + maximumCommentLength)))
        let tailStart = file.size - Int64(tailLength)
        let tail = ZipFields(try file.bytes(at: tailStart, count: tailLength))
        var position = tailLength - fixedSize
        while position >= 0 {
            if tail.uint32(at: position) == signature,
               position + fixedSize + Int(tail.uint16(at: position + 20)) == tailLength {
                return try ZipEndRecord(tail, at: position, recordOffset: tailStart + Int64(position), in: file)
            }
            position -= 1
        }
        throw ZipRefusal("is not a zip archive (no end of central directory record)")
    }

    private init(_ tail: ZipFields, at position: Int, recordOffset: Int64, in file: ZipArchiveFile) throws(ZipRefusal) {
        let disk = tail.uint16(at: position + 4)
        let directoryDisk = tail.uint16(at: position + 6)
        let entriesOnDisk = tail.uint16(at: position + 8)
        let entries = tail.uint16(at: position + 10)
        let size = tail.uint32(at: position + 12)
        let offset = tail.uint32(at: position + 16)
        if entries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw ZipRefusal("uses ZIP64, which is not supported")
        }
        guard disk == 0, directoryDisk == 0, entriesOnDisk == entries else {
            throw ZipRefusal("spans several disks, which is not supported")
        }
        guard Int64(offset) + Int64(size) == recordOffset else {
            // A ZIP64 archive keeps its own records between the central directory and this one.
            if Self.hasZip64Locator(before: recordOffset, in: file) { throw ZipRefusal("uses ZIP64, which is not supported") }
            throw ZipRefusal("has an end of central directory record whose offsets do not match the file")
        }
        entryCount = Int(entries)
        directoryOffset = Int64(offset)
        directorySize = Int64(size)
    }

    private static func hasZip64Locator(before recordOffset: Int64, in file: ZipArchiveFile) -> Bool {
        let locatorOffset = recordOffset - Int64(zip64LocatorSize)
        guard locatorOffset >= 0, let bytes = try? file.bytes(at: locatorOffset, count: 4) else { return false }
        return ZipFields(bytes).uint32(at: 0) == zip64LocatorSignature
    }
}
