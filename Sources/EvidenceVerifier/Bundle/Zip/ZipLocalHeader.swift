/// Checks an entry's local header against its central directory record: the header must be there with its
/// signature, the same name, flags and method, and (unless a data descriptor carries them, which must then
/// agree too) the same CRC-32 and sizes; its data must end before the central directory.
enum ZipLocalHeader {
    static let signature: UInt32 = 0x0403_4b50
    static let fixedSize = 30
    static let descriptorSignature: UInt32 = 0x0807_4b50

    /// The entry `record` describes, located and checked; nothing in it may reach `directoryOffset`.
    static func locate(_ record: ZipCentralEntry, before directoryOffset: Int64, in file: ZipArchiveFile) throws(ZipRefusal) -> ZipEntry {
        let name = record.name.quoted
        let start = record.localHeaderOffset
        let nameLength = record.name.bytes.count
        guard start + Int64(fixedSize + nameLength) <= directoryOffset else {
            throw ZipRefusal("entry \(name) has a local header outside the archive's data")
        }
        let fields = ZipFields(try file.bytes(at: start, count: fixedSize + nameLength))
        guard fields.uint32(at: 0) == signature else {
            throw ZipRefusal("entry \(name) has a broken local header (signature missing)")
        }
        let flags = fields.uint16(at: 6)
        guard flags & ZipCentralEntry.encryptionFlags == 0 else { throw ZipRefusal("entry \(name) is encrypted") }
        guard flags & ZipCentralEntry.dataDescriptorFlag == record.flags & ZipCentralEntry.dataDescriptorFlag,
              fields.uint16(at: 8) == record.method else {
            throw ZipRefusal("entry \(name) has a local header that disagrees with the central directory (flags or method)")
        }
        guard Int(fields.uint16(at: 26)) == nameLength, fields.slice(at: fixedSize, count: nameLength) == record.name.bytes else {
            throw ZipRefusal("entry \(name) has a local header with a different name")
        }
        if !record.hasDataDescriptor {
            guard fields.uint32(at: 14) == record.crc32,
                  Int64(fields.uint32(at: 18)) == record.compressedSize,
                  Int64(fields.uint32(at: 22)) == record.uncompressedSize else {
                throw ZipRefusal("entry \(name) has a local header whose CRC-32 or sizes disagree with the central directory")
            }
        }
        let dataStart = start + Int64(fixedSize + nameLength) + Int64(fields.uint16(at: 28))
        let dataEnd = dataStart + record.compressedSize
        guard dataEnd <= directoryOffset else {
            throw ZipRefusal("entry \(name) runs past the start of the central directory (truncated or overlapping)")
        }
        let end = record.hasDataDescriptor ? try descriptorEnd(of: record, at: dataEnd, before: directoryOffset, in: file) : dataEnd
        return ZipEntry(record: record, data: dataStart..<dataEnd, span: start..<end)
    }

    /// Where the data descriptor after the data ends, once its CRC-32 and sizes agree with the central directory.
    private static func descriptorEnd(of record: ZipCentralEntry, at offset: Int64, before directoryOffset: Int64, in file: ZipArchiveFile) throws(ZipRefusal) -> Int64 {
        let available = Int(min(16, directoryOffset - offset))
        guard available >= 12 else {
            throw ZipRefusal("entry \(record.name.quoted) has no room for its data descriptor")
        }
        let fields = ZipFields(try file.bytes(at: offset, count: available))
        let skip = available == 16 && fields.uint32(at: 0) == descriptorSignature ? 4 : 0
        guard fields.uint32(at: skip) == record.crc32,
              Int64(fields.uint32(at: skip + 4)) == record.compressedSize,
              Int64(fields.uint32(at: skip + 8)) == record.uncompressedSize else {
            throw ZipRefusal("entry \(record.name.quoted) has a data descriptor that disagrees with the central directory")
        }
        return offset + Int64(skip + 12)
    }
}
