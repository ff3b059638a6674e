import Foundation

/// Tells, by reading the first 100 bytes through a read-only descriptor, whether an existing file is an
/// lcr-verify registry: a SQLite 3 header whose `application_id` (offset 68, big-endian) is ours.
/// The file is never opened for writing, so a foreign or damaged file stays byte-identical.
///
/// The registry sets `application_id` before it switches to WAL (see `RegistryDatabase`), so the main
/// file's header always carries it even when later pages live only in the write-ahead log.
public enum RegistryFileIdentity {
    /// `PRAGMA application_id` of every lcr-verify registry: "LCRv" in ASCII.
    public static let applicationID: Int32 = 0x4C43_5276

    /// What an existing path holds.
    public enum Kind: Equatable, Sendable {
        case registry
        /// No file: a new registry may be made.
        case absent
        case foreign
    }

    public static func inspect(_ url: URL) throws(RegistryError) -> Kind {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return .absent }
            if errno == ELOOP { return .foreign }
            throw RegistryError.unusableRegistry(path: url.path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw RegistryError.unusableRegistry(path: url.path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { return .foreign }
        var header = [UInt8](repeating: 0, count: 100)
        var filled = 0
        while filled < header.count {
            let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, 100 - filled, off_t(filled)) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                throw RegistryError.unusableRegistry(path: url.path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        guard filled == header.count, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else { return .foreign }
        let identifier = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Int32(bitPattern: identifier) == applicationID ? .registry : .foreign
    }
}
