import CZlib
import Foundation

/// Writes zip archives for tests byte by byte, including hostile ones no honest tool would make: every field
/// of an entry's local header and central directory record can be set apart from the bytes it describes.
enum ZipWriter {
    /// The fields a local header or a central directory record states about an entry.
    struct Header {
        var name: [UInt8]
        var flags: UInt16 = 0
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt32
        var uncompressedSize: UInt32
    }

    /// One entry: the bytes written after its local header, and what each of its two headers says.
    struct Entry {
        var local: Header
        var central: Header
        /// The bytes after the local header (compressed as the method says, or anything at all).
        var data: Data
        /// Bytes written after `data`, such as a data descriptor.
        var trailer = Data()
        var localSignature: UInt32 = 0x0403_4b50
        /// Host 3 (Unix) in the high byte: the external attributes' high half is a Unix mode.
        var madeBy: UInt16 = 3 << 8 | 20
        var externalAttributes: UInt32 = 0o100644 << 16
        /// Where the central record says the local header is; nil for where it really is.
        var localHeaderOffset: UInt32?

        /// A file whose headers tell the truth, deflated unless `stored`.
        static func file(_ name: String, _ content: Data, stored: Bool = false) -> Entry {
            file(bytes: Array(name.utf8), content, stored: stored)
        }

        /// A file named by raw bytes (which need not be UTF-8).
        static func file(bytes name: [UInt8], _ content: Data, stored: Bool = false) -> Entry {
            let data = stored ? content : ZipWriter.deflated(content)
            let header = Header(
                name: name, method: stored ? 0 : 8, crc32: ZipWriter.crc32(content),
                compressedSize: UInt32(data.count), uncompressedSize: UInt32(content.count))
            return Entry(local: header, central: header, data: data)
        }

        /// A folder entry (`name` ends with "/").
        static func folder(_ name: String) -> Entry {
            var entry = file(name, Data(), stored: true)
            entry.externalAttributes = 0o040755 << 16
            return entry
        }

        /// A symbolic link to `target`, as Info-ZIP stores one.
        static func symlink(_ name: String, target: String) -> Entry {
            var entry = file(name, Data(target.utf8), stored: true)
            entry.externalAttributes = 0o120777 << 16
            return entry
        }

        /// Changes both headers alike.
        mutating func headers(_ change: (inout Header) -> Void) {
            change(&local)
            change(&central)
        }
    }

    static func write(_ entries: [Entry], to url: URL) throws {
        try archive(entries).write(to: url)
    }

    /// The archive's bytes: local headers with data, the central directory, the end record (no comment).
    static func archive(_ entries: [Entry]) -> Data {
        var body = Data()
        var directory = Data()
        for entry in entries {
            let offset = entry.localHeaderOffset ?? UInt32(body.count)
            body.append(little: entry.localSignature)
            body.append(little: UInt16(20))
            append(entry.local, to: &body)
            body.append(little: UInt16(entry.local.name.count))
            body.append(little: UInt16(0))
            body.append(contentsOf: entry.local.name)
            body.append(entry.data)
            body.append(entry.trailer)

            directory.append(little: UInt32(0x0201_4b50))
            directory.append(little: entry.madeBy)
            directory.append(little: UInt16(20))
            append(entry.central, to: &directory)
            directory.append(little: UInt16(entry.central.name.count))
            directory.append(little: UInt16(0))  // extra field length
            directory.append(little: UInt16(0))  // comment length
            directory.append(little: UInt16(0))  // disk number start
            directory.append(little: UInt16(0))  // internal attributes
            directory.append(little: entry.externalAttributes)
            directory.append(little: offset)
            directory.append(contentsOf: entry.central.name)
        }
        var archive = body
        archive.append(directory)
        archive.append(little: UInt32(0x0605_4b50))
        archive.append(little: UInt16(0))
        archive.append(little: UInt16(0))
        archive.append(little: UInt16(entries.count))
        archive.append(little: UInt16(entries.count))
        archive.append(little: UInt32(directory.count))
        archive.append(little: UInt32(body.count))
        archive.append(little: UInt16(0))
        return archive
    }

    /// Offset of the end record's fields in an archive `archive` wrote (no comment): disk (4), entries (10), directory offset (16).
    static func endRecordOffset(in archive: Data) -> Int { archive.count - 22 }

    /// Flags, method, fixed DOS time and date (2026-04-01 00:00), CRC-32, sizes.
    private static func append(_ header: Header, to data: inout Data) {
        data.append(little: header.flags)
        data.append(little: header.method)
        data.append(little: UInt16(0))
        data.append(little: UInt16((2026 - 1980) << 9 | 4 << 5 | 1))
        data.append(little: header.crc32)
        data.append(little: header.compressedSize)
        data.append(little: header.uncompressedSize)
    }

    /// Raw deflate of `content` through zlib; with `finish` false the stream is flushed but left open (no final block).
    static func deflated(_ content: Data, finish: Bool = true) -> Data {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        precondition(lcr_deflate_init_raw(stream, Z_BEST_COMPRESSION) == Z_OK)
        defer { deflateEnd(stream) }
        var input = [UInt8](content)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))) + 64)
        let produced = input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                stream.pointee.next_in = input.baseAddress
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = output.baseAddress
                stream.pointee.avail_out = uInt(output.count)
                let status = CZlib.deflate(stream, finish ? Z_FINISH : Z_SYNC_FLUSH)
                precondition(status == (finish ? Z_STREAM_END : Z_OK))
                return output.count - Int(stream.pointee.avail_out)
            }
        }
        return Data(output[0..<produced])
    }

    static func crc32(_ content: Data) -> UInt32 {
        let bytes = [UInt8](content)
        return UInt32(CZlib.crc32(0, bytes, uInt(bytes.count)))
    }

    /// Zips every file of a folder (paths relative to it), optionally under a top folder name.
    static func zip(folder: URL, to url: URL, under prefix: String? = nil) throws {
        let base = folder.path + "/"
        let paths = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.sorted()
        let files = try paths.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.map { path in Entry.file(prefix.map { "\($0)/\(path)" } ?? path, try Data(contentsOf: URL(fileURLWithPath: base + path))) }
        try write(files, to: url)
    }
}

extension Data {
    /// Appends `value` in little-endian byte order, as zip fields are.
    mutating func append<Value: FixedWidthInteger>(little value: Value) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// Overwrites the little-endian field at `offset` with `value`.
    mutating func set<Value: FixedWidthInteger>(little value: Value, at offset: Int) {
        Swift.withUnsafeBytes(of: value.littleEndian) { replaceSubrange(offset..<offset + $0.count, with: $0) }
    }
}
