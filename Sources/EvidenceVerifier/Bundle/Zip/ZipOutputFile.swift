import Foundation

/// A file being unpacked, written through the descriptor that created it and closed at deinit.
final class ZipOutputFile {
    private let descriptor: Int32
    private let name: ZipEntryName

    init(descriptor: Int32, name: ZipEntryName) {
        self.descriptor = descriptor
        self.name = name
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(ZipRefusal) {
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                throw ZipRefusal(unreadable: "entry \(name.quoted) cannot be unpacked (\(SystemError(errno)))")
            }
            written += count
        }
    }
}
