import Foundation

/// Writes a zip of STORED entries (method 0, no data descriptors, no extra fields, no ZIP64) to a
/// seekable descriptor, with fixed metadata so the same entries always give the same bytes: DOS time
/// 1980-01-01 00:00, UTF-8 names (flag bit 11), made by Unix 2.0, external attributes of a 0644 file.
/// Each entry's header is written first and its CRC-32 and sizes patched in once its bytes are copied,
/// so every file is read once.
struct StoredZipWriter {
    /// Largest archive (every offset must fit in 32 bits).
    static let maximumBytes: Int64 = 0xFFFF_FFFF
    static let maximumEntries = 0xFFFF

    private struct Entry {
        let name: [UInt8]
        let offset: UInt32
        var crc: UInt32 = 0
        var size: UInt32 = 0
    }

    private let descriptor: Int32
    /// Used in errors.
    private let outputName: String
    private var entries: [Entry] = []
    private var position: Int64 = 0
    private var crc = CRC32()
    private var entrySize: Int64 = 0

    init(descriptor: Int32, outputName: String) {
        self.descriptor = descriptor
        self.outputName = outputName
    }

    /// Starts an entry named by exact UTF-8 bytes.
    mutating func beginEntry(named name: [UInt8]) throws(InputError) {
        guard entries.count < Self.maximumEntries else {
            throw InputError(outputName, "would hold more than the \(Self.maximumEntries) entries a zip without ZIP64 can list")
        }
        entries.append(Entry(name: name, offset: UInt32(position)))
        crc = CRC32()
        entrySize = 0
        try write(Self.localHeader(name: name, crc: 0, size: 0))
    }

    /// Appends bytes to the current entry.
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
        crc.update(bytes)
        entrySize += Int64(bytes.count)
        try write(bytes)
    }

    /// Patches the current entry's header with its CRC-32 and size.
    mutating func finishEntry() throws(InputError) {
        let index = entries.count - 1
        entries[index].crc = crc.value
        entries[index].size = UInt32(entrySize)
        let header = Self.localHeader(name: entries[index].name, crc: crc.value, size: UInt32(entrySize))
        let written = header.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, 30, off_t(entries[index].offset)) }
        guard written == 30 else { throw InputError(outputName, "cannot be written (\(SystemError(errno)))") }
    }

    /// Writes the central directory and its end record.
    mutating func finishArchive() throws(InputError) {
        let start = position
        for entry in entries {
            var record = ZipBytes()
            record.u32(0x0201_4B50)
            record.u16(0x031E)  // made by: Unix, zip 3.0
            record.u16(20)  // needed: 2.0
            record.u16(0x0800)  // UTF-8 names
            record.u16(0)  // stored
            record.u16(0)  // 00:00:00
            record.u16(0x0021)  // 1980-01-01
            record.u32(entry.crc)
            record.u32(entry.size)
            record.u32(entry.size)
            record.u16(UInt16(entry.name.count))
            record.u16(0)  // extra
            record.u16(0)  // comment
            record.u16(0)  // disk
            record.u16(0)  // internal attributes
            record.u32(UInt32(0o100644) << 16)  // external: regular file, rw-r--r--
            record.u32(entry.offset)
            record.bytes += entry.name
            try write(record.bytes)
        }
        let size = position - start
        var end = ZipBytes()
        end.u32(0x0605_4B50)
        end.u16(0)
        end.u16(0)
        end.u16(UInt16(entries.count))
        end.u16(UInt16(entries.count))
        end.u32(UInt32(size))
        end.u32(UInt32(start))
        end.u16(0)
        try write(end.bytes)
    }

    private static func localHeader(name: [UInt8], crc: UInt32, size: UInt32) -> [UInt8] {
        var header = ZipBytes()
        header.u32(0x0403_4B50)
        header.u16(20)
        header.u16(0x0800)
        header.u16(0)
        header.u16(0)
        header.u16(0x0021)
        header.u32(crc)
        header.u32(size)
        header.u32(size)
        header.u16(UInt16(name.count))
        header.u16(0)
        header.bytes += name
        return header.bytes
    }

    private mutating func write(_ bytes: [UInt8]) throws(InputError) {
        var failure: InputError?
        bytes.withUnsafeBytes { buffer in
            do throws(InputError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private mutating func write(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
        // The end record is 22 bytes after the last offset; keep every offset and size within 32 bits.
        guard position + Int64(bytes.count) + 22 <= Self.maximumBytes else {
            throw InputError(outputName, "would be larger than the 4 GiB a zip without ZIP64 can hold")
        }
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(outputName, "cannot be written (\(SystemError(errno)))")
            }
            written += count
        }
        position += Int64(bytes.count)
    }
}
