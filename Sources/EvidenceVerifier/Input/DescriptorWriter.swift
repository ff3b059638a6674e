import Foundation

/// Writes bytes to an open file descriptor with `write(2)`: every byte, through partial writes, `EINTR`
/// and a non-blocking descriptor that is momentarily full. A failure (`ENOSPC`, `EPIPE`, `EIO`, …) is a
/// thrown `SystemError`, never a trap: `FileHandle.write` traps on those on Linux.
public enum DescriptorWriter {
    public static func writeAll(_ data: Data, to descriptor: Int32) throws(SystemError) {
        let failure: SystemError? = data.withUnsafeBytes { buffer in
            do throws(SystemError) { try writeAll(buffer, to: descriptor) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// The same for bytes in memory that are not `Data`.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws(SystemError) {
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count > 0 {
                written += count
                continue
            }
            let code = count == 0 ? EIO : errno
            switch code {
            case EINTR:
                continue
            case EAGAIN:
                var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                if poll(&poller, 1, -1) < 0, errno != EINTR { throw SystemError(errno) }
            default:
                throw SystemError(code)
            }
        }
    }
}
