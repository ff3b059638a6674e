import CZlib

/// One raw-deflate zlib stream (`inflateInit2` with −MAX_WBITS) with its input and output buffers, owned
/// here and ended at deinit. It decodes an entry in bounded steps: input comes only from the entry's
/// compressed byte range, every step consumes input or produces output (or the data is refused as
/// corrupt), and the stream must end exactly where that range does.
final class ZipInflater {
    static let chunkSize = 64 * 1024

    // zlib keeps a pointer back to the stream, so it lives at one address for its whole life.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private let output: UnsafeMutableRawBufferPointer

    init() throws(ZipRefusal) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: Self.chunkSize, alignment: 1)
        output = .allocate(byteCount: Self.chunkSize, alignment: 1)
        guard lcr_inflate_init_raw(stream) == Z_OK else {
            stream.deallocate()
            input.deallocate()
            output.deallocate()
            throw ZipRefusal(unreadable: "cannot be unpacked (zlib could not start)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
        output.deallocate()
    }

    /// Decodes `entry`'s compressed bytes, handing `sink` each piece of output with the count of compressed
    /// bytes consumed so far; use a new inflater for each entry.
    func inflate(_ entry: ZipEntry, from file: ZipArchiveFile,
                 into sink: (UnsafeRawBufferPointer, _ consumed: Int64) throws(ZipRefusal) -> Void) throws(ZipRefusal) {
        let name = entry.name.quoted
        var next = entry.data.lowerBound
        let end = entry.data.upperBound
        while true {
            if stream.pointee.avail_in == 0, next < end {
                let count = Int(min(Int64(Self.chunkSize), end - next))
                try file.read(at: next, into: UnsafeMutableRawBufferPointer(rebasing: input[0..<count]))
                next += Int64(count)
                stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = uInt(count)
            }
            let availableBefore = stream.pointee.avail_in
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(Self.chunkSize)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let produced = Self.chunkSize - Int(stream.pointee.avail_out)
            let consumed = next - entry.data.lowerBound - Int64(stream.pointee.avail_in)
            let progressed = produced > 0 || stream.pointee.avail_in < availableBefore
            switch status {
            case Z_OK, Z_BUF_ERROR, Z_STREAM_END:
                if produced > 0 { try sink(UnsafeRawBufferPointer(rebasing: output[0..<produced]), consumed) }
            case Z_MEM_ERROR:
                throw ZipRefusal(unreadable: "entry \(name) cannot be unpacked (zlib ran out of memory)")
            default:
                throw ZipRefusal("entry \(name) has corrupt deflate data (\(Self.reason(stream.pointee.msg)))")
            }
            if status == Z_STREAM_END {
                guard consumed == Int64(entry.data.count) else {
                    throw ZipRefusal("entry \(name) has \(Int64(entry.data.count) - consumed) bytes after the end of its deflate stream")
                }
                return
            }
            if !progressed {
                if stream.pointee.avail_in == 0, next == end {
                    throw ZipRefusal("entry \(name) has a deflate stream that does not end within its compressed size (truncated or corrupt)")
                }
                throw ZipRefusal("entry \(name) has corrupt deflate data (no progress)")
            }
        }
    }

    private static func reason(_ message: UnsafePointer<CChar>?) -> String {
        message.map { String(cString: $0) } ?? "unknown zlib error"
    }
}
