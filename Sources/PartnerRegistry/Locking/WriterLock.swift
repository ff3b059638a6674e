import Foundation

/// An exclusive advisory lock (`flock`) on the data folder's `writer.lock`, held while a run records
/// verifications, so two runs never record the same work twice. The kernel releases it when the holder
/// exits, even when killed, or when this object goes away.
public final class WriterLock: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock of `dataDirectory`, waiting up to `waitSeconds` (0: not at all) for another holder
    /// to let go; then refuses with `RegistryError.busy`. The wait polls every 100 ms.
    public static func acquire(in dataDirectory: DataDirectory, waitSeconds: Int = 0) throws(RegistryError) -> WriterLock {
        let path = dataDirectory.writerLockFile.path
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw RegistryError.system(errno, path: path, doing: "open the writer lock") }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw RegistryError.fileProblem(path: path, reason: "is not a regular file; refused")
        }
        var attemptsLeft = waitSeconds * 10
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK, attemptsLeft > 0 else {
                close(descriptor)
                if code == EWOULDBLOCK { throw RegistryError.busy(path: path, waitedSeconds: waitSeconds) }
                throw RegistryError.system(code, path: path, doing: "take the writer lock")
            }
            attemptsLeft -= 1
            usleep(100_000)
        }
        return WriterLock(descriptor: descriptor)
    }
}
