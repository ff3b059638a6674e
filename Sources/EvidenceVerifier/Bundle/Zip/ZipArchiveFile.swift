import Foundation

/// The archive, read through one descriptor opened once: only a regular file is accepted (a FIFO, socket or
/// device is refused without blocking), its size is taken once, and every read is at an explicit offset
/// inside that size.
final class ZipArchiveFile {
    let size: Int64
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path` without blocking (a FIFO cannot hang the open) and keeps the descriptor until deinit.
    convenience init(path: String) throws(ZipRefusal) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw ZipRefusal(unreadable: InputFile.openProblem(errno)) }
        do throws(ZipRefusal) {
            try self.init(descriptor: descriptor, owned: true)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Reads through `descriptor`, closing it at deinit only when `owned`.
    init(descriptor: Int32, owned: Bool) throws(ZipRefusal) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ZipRefusal(unreadable: "cannot be read (\(SystemError(errno)))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ZipRefusal(unreadable: "is a folder, not a zip archive")
        default: throw ZipRefusal("is not a regular file (a FIFO, socket or device)")
        }
        self.descriptor = descriptor
        self.ownsDescriptor = owned
        size = Int64(status.st_size)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Fills `buffer` with the bytes at `offset`; refused when they are not all inside the file.
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(ZipRefusal) {
        guard offset >= 0, offset <= size, Int64(buffer.count) <= size - offset else {
            throw ZipRefusal("is truncated (a record runs past the end of the file)")
        }
        var filled = 0
        while filled < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset) + off_t(filled))
            if count < 0 {
                if errno == EINTR { continue }
                throw ZipRefusal(unreadable: "cannot be read (\(SystemError(errno)))")
            }
            guard count > 0 else { throw ZipRefusal("became shorter while being read") }
            filled += count
        }
    }

    /// The `count` bytes at `offset`.
    func bytes(at offset: Int64, count: Int) throws(ZipRefusal) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { buffer.deallocate() }
        try read(at: offset, into: buffer)
        return Array(buffer)
    }
}
