import COpenSSL
import CShims
import Foundation

/// An OpenSSL `BIO` (in memory, or reading a file), owned and freed by this class. Used only inside the crypto layer.
final class OpenSSLBIO {
    let pointer: OpaquePointer

    /// An empty, writable BIO.
    init() throws {
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSLError.drain("allocating memory") }
        pointer = bio
    }

    /// A read-only BIO over a regular file, so large signed files are streamed rather than loaded. Anything
    /// else (a FIFO, a device, a folder) is refused without blocking.
    init(readingFile url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(url.path, InputFile.openProblem(errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw InputError(url.path, "is not a regular file (a FIFO, socket, device or folder); refused")
        }
        OpenSSLError.clearQueue()
        guard let bio = BIO_new_fd(descriptor, BIO_CLOSE) else {
            close(descriptor)
            throw OpenSSLError.drain("opening \(url.lastPathComponent)")
        }
        pointer = bio
    }

    /// A BIO holding a copy of `data` to read, written in pieces OpenSSL's `int` lengths can hold.
    convenience init(_ data: Data) throws {
        try self.init()
        let piece = 1 << 30
        var offset = 0
        while offset < data.count {
            let length = min(piece, data.count - offset)
            OpenSSLError.clearQueue()
            let written = data.withUnsafeBytes { raw in BIO_write(pointer, raw.baseAddress! + offset, Int32(length)) }
            guard written == Int32(length) else { throw OpenSSLError.drain("buffering data") }
            offset += length
        }
        // Reading past the end gives 0 (end of data), not the default -1 ("try again"), so the BIO can be
        // read through a filter as a plain stream.
        BIO_ctrl(pointer, BIO_C_SET_BUF_MEM_EOF_RETURN, 0, nil)
    }

    deinit { BIO_free(pointer) }

    /// Everything written to the BIO so far.
    var data: Data {
        var start: UnsafeMutablePointer<CChar>? = nil
        let length = lcr_BIO_get_mem_data(pointer, &start)
        guard length > 0, let start else { return Data() }
        return Data(bytes: start, count: length)
    }

    var string: String { String(decoding: data, as: UTF8.self) }
}
