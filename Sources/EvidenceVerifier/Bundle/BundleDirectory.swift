import Foundation

/// A bundle folder opened once. Every file beneath it is opened relative to that descriptor, one path
/// component at a time and never through a link, so a link or a folder swapped for one cannot lead
/// outside the bundle, and a FIFO or device is never opened for blocking reads.
final class BundleDirectory: @unchecked Sendable {
    /// The folder as named in messages.
    let url: URL
    private let descriptor: Int32
    /// Deepest folder nesting walked.
    static let maximumDepth = 32

    init(_ url: URL) throws(InputError) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(url.path, "cannot be opened as a folder (\(SystemError(errno)))") }
        self.url = url
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Why a path in the bundle could not be opened as a regular file.
    enum OpenFailure: Error, Equatable {
        case missing
        /// The path, or a folder on the way, is a symbolic link.
        case link
        /// A folder, FIFO, socket or device.
        case notARegularFile
        case unreadable(String)
    }

    /// An open descriptor for the regular file at `path` (a relative path `BundlePath` accepted), which
    /// the caller must close; its size comes from the same `fstat` that proved it regular.
    func openFile(_ path: String) -> Result<(descriptor: Int32, size: Int64), OpenFailure> {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var folder = dup(descriptor)
        guard folder >= 0 else { return .failure(.unreadable("\(SystemError(errno))")) }
        defer { close(folder) }
        for component in components.dropLast() {
            let next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return .failure(Self.failure(errno, name: component, in: folder)) }
            close(folder)
            folder = next
        }
        let file = openat(folder, components.last ?? "", O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return .failure(Self.failure(errno, name: components.last ?? "", in: folder)) }
        var status = stat()
        guard fstat(file, &status) == 0 else {
            let reason = "\(SystemError(errno))"
            close(file)
            return .failure(.unreadable(reason))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(file)
            return .failure(.notARegularFile)
        }
        return .success((file, Int64(status.st_size)))
    }

    /// Reads the small regular file at `path` whole, or says why not; `.tooLarge` past `limit`.
    func readSmallFile(_ path: String, limit: Int) -> Result<Data, SmallFileFailure> {
        switch openFile(path) {
        case .failure(let failure): return .failure(.open(failure))
        case .success(let opened):
            defer { close(opened.descriptor) }
            guard opened.size <= Int64(limit) else { return .failure(.tooLarge(opened.size)) }
            do {
                return .success(try InputFile.read(descriptor: opened.descriptor, name: path, limit: limit))
            } catch {
                return .failure(.open(.unreadable(error.problem)))
            }
        }
    }

    /// Why a small file could not be read whole.
    enum SmallFileFailure: Error, Equatable {
        case open(OpenFailure)
        case tooLarge(Int64)
    }

    /// The relative path of every entry below the folder that is not a folder (links and special files
    /// included, never followed), as the exact bytes of its name, in byte order.
    func walk(maximumEntries: Int) throws(InputError) -> [[UInt8]] {
        var found: [[UInt8]] = []
        try walk(descriptor, prefix: [], depth: 0, into: &found, maximumEntries: maximumEntries)
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }

    private func walk(_ folder: Int32, prefix: [UInt8], depth: Int, into found: inout [[UInt8]], maximumEntries: Int) throws(InputError) {
        guard depth < Self.maximumDepth else { throw InputError(url.path, "nests folders deeper than \(Self.maximumDepth) levels; refused") }
        let listing = openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard listing >= 0, let stream = fdopendir(listing) else {
            throw InputError(url.path, "a folder in the bundle cannot be listed (\(SystemError(errno)))")
        }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            let path = prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
            var status = stat()
            let isFolder = fstatat(dirfd(stream), name.map { CChar(bitPattern: $0) } + [0], &status, AT_SYMLINK_NOFOLLOW) == 0
                && status.st_mode & S_IFMT == S_IFDIR
            if isFolder {
                let child = openat(dirfd(stream), name.map { CChar(bitPattern: $0) } + [0], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { throw InputError(url.path, "a folder in the bundle cannot be opened (\(SystemError(errno)))") }
                defer { close(child) }
                try walk(child, prefix: path, depth: depth + 1, into: &found, maximumEntries: maximumEntries)
            } else {
                found.append(path)
                guard found.count <= maximumEntries else { throw InputError(url.path, "holds more than \(maximumEntries) files; refused") }
            }
        }
    }

    private static func failure(_ code: Int32, name: String, in folder: Int32) -> OpenFailure {
        switch code {
        case ENOENT: return .missing
        case ELOOP: return .link
        case ENOTDIR:
            var status = stat()
            guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
            return status.st_mode & S_IFMT == S_IFLNK ? .link : .notARegularFile
        default: return .unreadable("\(SystemError(code))")
        }
    }
}
