import CZlib

/// Unpacks one file entry into a new file, trusting nothing the archive says: output stops as soon as it
/// passes the size the central directory declares (which the limits have already bounded), the compression
/// ratio is counted on the compressed bytes actually consumed, and the CRC-32 and size must match at the end.
struct ZipEntryUnpacker {
    /// Output below this size is never judged a bomb, whatever its ratio.
    static let ratioFloor: Int64 = 1 << 20

    let maximumCompressionRatio: Int

    func unpack(_ entry: ZipEntry, from file: ZipArchiveFile, to output: ZipOutputFile) throws(ZipRefusal) {
        var meter = Meter(entry: entry, maximumCompressionRatio: Int64(maximumCompressionRatio), output: output)
        switch entry.record.method {
        case ZipCentralEntry.deflated:
            try ZipInflater().inflate(entry, from: file) { bytes, consumed throws(ZipRefusal) in
                try meter.accept(bytes, consumed: consumed)
            }
        default:
            try copyStored(entry, from: file, into: &meter)
        }
        try meter.finish()
    }

    /// A stored entry: its bytes as they are, read in chunks from its data range.
    private func copyStored(_ entry: ZipEntry, from file: ZipArchiveFile, into meter: inout Meter) throws(ZipRefusal) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: ZipInflater.chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        var next = entry.data.lowerBound
        while next < entry.data.upperBound {
            let count = Int(min(Int64(buffer.count), entry.data.upperBound - next))
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
            try file.read(at: next, into: chunk)
            next += Int64(count)
            try meter.accept(UnsafeRawBufferPointer(chunk), consumed: next - entry.data.lowerBound)
        }
    }

    /// Counts, checks and writes one entry's output.
    private struct Meter {
        let entry: ZipEntry
        let maximumCompressionRatio: Int64
        let output: ZipOutputFile
        var written: Int64 = 0
        var crc: uLong = CZlib.crc32(0, nil, 0)

        mutating func accept(_ bytes: UnsafeRawBufferPointer, consumed: Int64) throws(ZipRefusal) {
            let declared = entry.record.uncompressedSize
            written += Int64(bytes.count)
            guard written <= declared else {
                throw ZipRefusal("entry \(entry.name.quoted) unpacks to more than the \(declared) bytes it declares")
            }
            if written > ZipEntryUnpacker.ratioFloor, written / max(consumed, 1) > maximumCompressionRatio {
                throw ZipRefusal("entry \(entry.name.quoted) has a compression ratio above \(maximumCompressionRatio):1 on the bytes read (a zip bomb)")
            }
            crc = CZlib.crc32(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
            try output.write(bytes)
        }

        func finish() throws(ZipRefusal) {
            guard written == entry.record.uncompressedSize else {
                throw ZipRefusal("entry \(entry.name.quoted) unpacks to \(written) bytes, not the \(entry.record.uncompressedSize) it declares")
            }
            guard UInt32(truncatingIfNeeded: crc) == entry.record.crc32 else {
                throw ZipRefusal("entry \(entry.name.quoted) fails its CRC-32 check (damaged or altered)")
            }
        }
    }
}
