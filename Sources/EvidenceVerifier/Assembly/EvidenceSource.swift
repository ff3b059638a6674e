import Foundation

/// A file going into a bundle (one an applicant names to `bundle add`, or one `bundle seal` re-hashes),
/// opened once: only a regular file is accepted (a FIFO, socket, device or folder is refused without
/// blocking), its size is checked before reading and again while reading, and it is read exactly once,
/// hashed as it is copied.
final class EvidenceSource {
    let path: String
    private let descriptor: Int32
    private let limit: Int64
    /// Names the limit in messages, e.g. "the policy allows (evidence.maximumFileBytes)".
    private let limitOrigin: String

    /// Opens `path`; refuses anything but a regular file of at most `limit` bytes (`limitOrigin` says whose limit).
    convenience init(_ path: String, limit: Int64, limitOrigin: String) throws(InputError) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(path, InputFile.openProblem(errno)) }
        try self.init(descriptor: descriptor, path: path, limit: limit, limitOrigin: limitOrigin)
    }

    /// Takes ownership of the open `descriptor` (closed here even when refused), under the same rules.
    init(descriptor: Int32, path: String, limit: Int64, limitOrigin: String) throws(InputError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw InputError(path, "cannot be read (\(SystemError(code)))")
        }
        let problem: String? = switch status.st_mode & S_IFMT {
        case S_IFREG: Int64(status.st_size) > limit ? "is \(status.st_size) bytes, more than the \(limit) \(limitOrigin)" : nil
        case S_IFDIR: "is a folder, not a file"
        default: "is not a regular file (a FIFO, socket or device); refused"
        }
        if let problem {
            close(descriptor)
            throw InputError(path, problem)
        }
        self.path = path
        self.descriptor = descriptor
        self.limit = limit
        self.limitOrigin = limitOrigin
    }

    deinit { close(descriptor) }

    /// What a copy wrote.
    struct Copied {
        let sha256: String
        let bytes: Int64
    }

    /// Reads the whole file once, hashing it and copying it to `output` when there is one; refuses a file
    /// that grows past the limit.
    func copy(to output: Int32?, outputName: String) throws(InputError) -> Copied {
        let hasher: SHA256Stream
        do { hasher = try SHA256Stream() } catch { throw InputError(path, "cannot be hashed (\(error))") }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress!, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path, "cannot be read (\(SystemError(errno)))")
            }
            if count == 0 { break }
            total += Int64(count)
            guard total <= limit else { throw InputError(path, "grew past the \(limit) bytes \(limitOrigin) while being copied") }
            do { try hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) } catch {
                throw InputError(path, "cannot be hashed (\(error))")
            }
            guard let output else { continue }
            do { try DescriptorWriter.writeAll(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), to: output) } catch {
                throw InputError(outputName, "cannot be written (\(error))")
            }
        }
        do { return Copied(sha256: try hasher.finish(), bytes: total) } catch { throw InputError(path, "cannot be hashed (\(error))") }
    }
}
