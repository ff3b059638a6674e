import Foundation

/// Reads a small file a person named (a policy, a trust anchor, a key, a report) without trusting it:
/// only a regular file is read (a FIFO, socket, device or folder is refused without blocking), its size
/// is checked before reading and again while reading, and every problem is one `InputError` line.
public enum InputFile {
    /// The whole file at `path`, refused when it is not a regular file or holds more than `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(InputError) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(path, openProblem(errno)) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, name: path, limit: limit)
    }

    /// The whole content of an open descriptor, under the same rules; `name` is used in errors.
    public static func read(descriptor: Int32, name: String, limit: Int) throws(InputError) -> Data {
        let declared = Int(try regularFileStatus(descriptor, name: name).st_size)
        guard declared <= limit else { throw InputError(name, "is \(declared) bytes, more than the \(limit) allowed") }
        var data = Data(count: declared + 1)
        var filled = 0
        while true {
            if filled == data.count {
                guard data.count <= limit else { throw InputError(name, "grew past the \(limit) bytes allowed while being read") }
                data.count = min(data.count * 2, limit + 1)
            }
            let count = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(name, "cannot be read (\(SystemError(errno)))")
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= limit else { throw InputError(name, "grew past the \(limit) bytes allowed while being read") }
        data.count = filled
        return data
    }

    /// The status of an open descriptor that must be a regular file: a folder, FIFO, socket or device
    /// is refused (it is never read, so a FIFO cannot block); `name` is used in errors.
    public static func regularFileStatus(_ descriptor: Int32, name: String) throws(InputError) -> stat {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError(name, "cannot be read (\(SystemError(errno)))") }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return status
        case S_IFDIR: throw InputError(name, "is a folder, not a file")
        default: throw InputError(name, "is not a regular file (a FIFO, socket or device); refused")
        }
    }

    /// A short reason for a failed `open`.
    public static func openProblem(_ code: Int32) -> String {
        switch code {
        case ENOENT: "does not exist"
        case EACCES: "cannot be read (permission denied)"
        case ELOOP: "is a symbolic link; refused"
        default: "cannot be opened (\(SystemError(code)))"
        }
    }
}
