/// One central directory record: what the archive says an entry is. Reading it refuses what the reader never
/// unpacks: encrypted entries, methods other than stored and deflate, links and special files, ZIP64 sizes,
/// names that are not UTF-8 or not plain relative paths.
struct ZipCentralEntry {
    static let signature: UInt32 = 0x0201_4b50
    static let fixedSize = 46
    static let stored: UInt16 = 0
    static let deflated: UInt16 = 8
    /// General purpose flags: encrypted (bit 0), strong encryption (bit 6), encrypted central directory (bit 13).
    static let encryptionFlags: UInt16 = 0x2041
    /// General purpose flag bit 3: sizes and CRC follow the data in a data descriptor.
    static let dataDescriptorFlag: UInt16 = 0x0008
    /// "Version made by" host 3: the high half of the external attributes holds a Unix mode.
    static let unixHost: UInt16 = 3

    let name: ZipEntryName
    let flags: UInt16
    let method: UInt16
    let crc32: UInt32
    let compressedSize: Int64
    let uncompressedSize: Int64
    let localHeaderOffset: Int64
    /// Bytes the record takes in the central directory.
    let recordLength: Int

    var hasDataDescriptor: Bool { flags & Self.dataDescriptorFlag != 0 }

    /// Reads the record at `offset`, which must end by `directoryEnd`.
    init(at offset: Int64, before directoryEnd: Int64, in file: ZipArchiveFile) throws(ZipRefusal) {
        guard offset + Int64(Self.fixedSize) <= directoryEnd else {
            throw ZipRefusal("has a central directory shorter than the entries it lists")
        }
        let fields = ZipFields(try file.bytes(at: offset, count: Self.fixedSize))
        guard fields.uint32(at: 0) == Self.signature else {
            throw ZipRefusal("has a damaged central directory (record signature missing)")
        }
        let nameLength = Int(fields.uint16(at: 28))
        recordLength = Self.fixedSize + nameLength + Int(fields.uint16(at: 30)) + Int(fields.uint16(at: 32))
        guard offset + Int64(recordLength) <= directoryEnd else {
            throw ZipRefusal("has a central directory shorter than the entries it lists")
        }
        // A name longer than any accepted path is read only as far as a message shows it.
        let longest = BundlePath.maximumLength + 1
        let nameBytes = try file.bytes(at: offset + Int64(Self.fixedSize), count: min(nameLength, longest + 1))
        name = ZipEntryName(bytes: nameBytes)
        guard nameLength <= longest else {
            throw ZipRefusal("entry \(name.quoted) has a name longer than \(BundlePath.maximumLength) bytes")
        }
        if let problem = name.problem { throw ZipRefusal("entry \(name.quoted) \(problem)") }

        flags = fields.uint16(at: 8)
        method = fields.uint16(at: 10)
        crc32 = fields.uint32(at: 16)
        let compressed = fields.uint32(at: 20)
        let uncompressed = fields.uint32(at: 24)
        let offsetField = fields.uint32(at: 42)
        compressedSize = Int64(compressed)
        uncompressedSize = Int64(uncompressed)
        localHeaderOffset = Int64(offsetField)

        if flags & Self.encryptionFlags != 0 { throw ZipRefusal("entry \(name.quoted) is encrypted") }
        guard method == Self.stored || method == Self.deflated else {
            throw ZipRefusal("entry \(name.quoted) uses compression method \(method) (only stored and deflate are read)")
        }
        if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || offsetField == 0xFFFF_FFFF {
            throw ZipRefusal("entry \(name.quoted) uses ZIP64, which is not supported")
        }
        guard fields.uint16(at: 34) == 0 else { throw ZipRefusal("spans several disks, which is not supported") }
        try Self.checkKind(of: name, madeBy: fields.uint16(at: 4), externalAttributes: fields.uint32(at: 38))
        if method == Self.stored, compressed != uncompressed {
            throw ZipRefusal("entry \(name.quoted) is stored with a compressed size (\(compressed)) unlike its size (\(uncompressed))")
        }
        if name.isFolder, uncompressed != 0 {
            throw ZipRefusal("entry \(name.quoted) is a folder with content")
        }
    }

    /// Only files and folders are unpacked: a link or special file (Unix mode in the external attributes) is refused.
    private static func checkKind(of name: ZipEntryName, madeBy: UInt16, externalAttributes: UInt32) throws(ZipRefusal) {
        guard madeBy >> 8 == unixHost else { return }
        let type = (externalAttributes >> 16) & 0o170000
        switch type {
        case 0, 0o100000:
            return
        case 0o040000:
            guard name.isFolder else { throw ZipRefusal("entry \(name.quoted) is marked a folder but named like a file") }
        case 0o120000:
            throw ZipRefusal("entry \(name.quoted) is a symbolic link")
        default:
            throw ZipRefusal("entry \(name.quoted) is a special file (not a file or folder)")
        }
    }
}
