import Foundation

/// A folder of a bundle being assembled, opened once without following a link. Every file is written
/// relative to that descriptor under a hidden temporary name, synced, and only then given its name, so
/// a name holds either its old bytes or the whole new ones: `create` refuses a name that exists (even
/// when another writer races us), `replace` swaps the new file in with `rename(2)`.
final class WritableFolder {
    /// The folder as named in messages.
    let path: String
    private let descriptor: Int32

    /// Opens the folder at `path`; refuses a link, a file or a missing folder.
    init(_ path: String) throws(InputError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(path, Self.openProblem(errno)) }
        self.path = path
        self.descriptor = descriptor
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The folder `name` inside this one (one path component), created when `creating` and missing.
    func subfolder(_ name: String, creating: Bool) throws(InputError) -> WritableFolder {
        let childPath = "\(path)/\(name)"
        if creating, mkdirat(descriptor, name, 0o755) != 0, errno != EEXIST {
            throw InputError(childPath, "cannot be created (\(SystemError(errno)))")
        }
        let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else { throw InputError(childPath, Self.openProblem(errno)) }
        return WritableFolder(path: childPath, descriptor: child)
    }

    /// Takes an exclusive lock on the folder, held until this value is released (keep it alive with
    /// `withExtendedLifetime`), so two commands changing one bundle cannot lose each other's manifest
    /// changes; refuses when another holds it.
    func lock() throws(InputError) {
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK { throw InputError(path, "is being changed by another lcr-verify bundle command; try again when it ends") }
            throw InputError(path, "cannot be locked (\(SystemError(errno)))")
        }
    }

    /// Refuses when `name` exists here as anything but a regular file (a folder, link, FIFO, …), which a
    /// later `replace` could not, or should not, swap out.
    func requireRegularFileOrNothing(_ name: String) throws(InputError) {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw InputError("\(path)/\(name)", "is not a regular file (a folder, link or special file); remove it first")
        }
    }

    /// True when the folder holds nothing.
    func isEmpty() throws(InputError) -> Bool {
        let listing = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard listing >= 0, let stream = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            throw InputError(path, "cannot be listed (\(SystemError(errno)))")
        }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [0x2E], name != [0x2E, 0x2E] { return false }
        }
        return true
    }

    /// Writes a new file `name` with what `fill` writes to the descriptor it is given; refuses (leaving
    /// everything as it was) when the name already exists.
    @discardableResult
    func create<Result>(_ name: String, _ fill: (Int32) throws(InputError) -> Result) throws(InputError) -> Result {
        let (staged, result) = try stage(fill)
        defer { unlinkat(descriptor, staged, 0) }
        guard linkat(descriptor, staged, descriptor, name, 0) == 0 else {
            if errno == EEXIST { throw InputError("\(path)/\(name)", "already exists; nothing was overwritten") }
            throw InputError("\(path)/\(name)", "cannot be written (\(SystemError(errno)))")
        }
        sync()
        return result
    }

    /// Writes the new file `name` holding `data`, refusing an existing name.
    func create(_ name: String, data: Data) throws(InputError) {
        try create(name) { (output: Int32) throws(InputError) in try Self.write(data, to: output, name: "\(path)/\(name)") }
    }

    /// Replaces (or creates) the file `name` with `data` in one step.
    func replace(_ name: String, data: Data) throws(InputError) {
        let (staged, _) = try stage { (output: Int32) throws(InputError) in try Self.write(data, to: output, name: "\(path)/\(name)") }
        guard renameat(descriptor, staged, descriptor, name) == 0 else {
            let code = errno
            unlinkat(descriptor, staged, 0)
            throw InputError("\(path)/\(name)", "cannot be written (\(SystemError(code)))")
        }
        sync()
    }

    /// Removes the file `name` (undoing a `create` when a later step fails).
    func remove(_ name: String) {
        unlinkat(descriptor, name, 0)
    }

    /// A hidden temporary file filled by `fill` and synced; removed again when filling fails.
    private func stage<Result>(_ fill: (Int32) throws(InputError) -> Result) throws(InputError) -> (String, Result) {
        let staged = ".lcr-bundle-\(UUID().uuidString).tmp"
        let output = openat(descriptor, staged, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw InputError(path, "cannot hold a new file (\(SystemError(errno)))") }
        do throws(InputError) {
            defer { close(output) }
            let result = try fill(output)
            guard fsync(output) == 0 else { throw InputError(path, "cannot hold a new file (\(SystemError(errno)))") }
            return (staged, result)
        } catch {
            unlinkat(descriptor, staged, 0)
            throw error
        }
    }

    /// Makes new names durable; a folder that cannot be synced still holds whole files.
    private func sync() {
        fsync(descriptor)
    }

    private static func write(_ data: Data, to output: Int32, name: String) throws(InputError) {
        do {
            try DescriptorWriter.writeAll(data, to: output)
        } catch {
            throw InputError(name, "cannot be written (\(error))")
        }
    }

    private static func openProblem(_ code: Int32) -> String {
        switch code {
        case ENOENT: "does not exist"
        case ELOOP, ENOTDIR: "is not a folder (a link or a file); refused"
        default: "cannot be opened as a folder (\(SystemError(code)))"
        }
    }
}
