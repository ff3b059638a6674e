import Foundation

/// Packs a bundle folder into a deterministic zip: the same folder always gives the same bytes.
///
/// Every regular file becomes a STORED entry (no compression, no data descriptor) named by its relative
/// path, entries sorted by the exact UTF-8 bytes of that path, with fixed times and attributes
/// (`StoredZipWriter`). Nothing in the folder is followed or trusted: a link, FIFO, device or socket is
/// refused, each file is opened beneath the folder one component at a time without following links,
/// read once in bounded chunks, and the zip is written under a temporary name, flushed and renamed, so
/// `output` is either the whole zip or untouched. No ZIP64: more than 65,535 files or 4 GiB is refused.
public struct BundlePacker: Sendable {
    public init() {}

    public func pack(folder: URL, to output: URL) throws(InputError) -> PackedBundle {
        try refuseOutputInside(folder: folder, output: output)
        let paths = try BundleFolderWalker(root: folder, maximumFiles: StoredZipWriter.maximumEntries).files()
            .sorted { $0.lexicographicallyPrecedes($1) }
        for path in paths {
            let name = String(decoding: path, as: UTF8.self)
            guard Array(name.utf8) == path else {
                throw InputError(folder.path + "/" + name, "has a name that is not UTF-8; refused")
            }
            if let problem = BundlePath.problem(with: name) { throw InputError(folder.path + "/" + name, "has a name that \(problem)") }
        }
        let temporary = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InputError(output.path, "cannot be created (\(SystemError(errno)))") }
        var keep = false
        defer {
            close(descriptor)
            if !keep { unlink(temporary.path) }
        }
        let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { throw InputError(folder.path, InputFile.openProblem(errno)) }
        defer { close(root) }
        var writer = StoredZipWriter(descriptor: descriptor, outputName: output.path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        for path in paths {
            try writer.beginEntry(named: path)
            try copy(path, beneath: root, folder: folder, into: &writer, buffer: buffer)
            try writer.finishEntry()
        }
        try writer.finishArchive()
        guard fsync(descriptor) == 0 else { throw InputError(output.path, "cannot be written (\(SystemError(errno)))") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError(output.path, "cannot be written (\(SystemError(errno)))") }
        guard rename(temporary.path, output.path) == 0 else {
            throw InputError(output.path, "cannot be written (\(SystemError(errno)))")
        }
        keep = true
        return PackedBundle(entries: paths.count, bytes: Int64(status.st_size))
    }

    /// Copies one file, opened beneath `root` component by component without following links.
    private func copy(
        _ path: [UInt8], beneath root: Int32, folder: URL, into writer: inout StoredZipWriter, buffer: UnsafeMutableRawBufferPointer
    ) throws(InputError) {
        let name = folder.path + "/" + String(decoding: path, as: UTF8.self)
        let components = path.split(separator: 0x2F, omittingEmptySubsequences: false).map { Array($0) + [0] }
        var parent = root
        var opened: [Int32] = []
        defer { opened.forEach { close($0) } }
        for component in components.dropLast() {
            let child = component.withUnsafeBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) { openat(parent, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            }
            guard child >= 0 else { throw InputError(name, "changed while the bundle was packed (\(SystemError(errno)))") }
            opened.append(child)
            parent = child
        }
        let file = components[components.count - 1].withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) {
                openat(parent, $0.baseAddress!, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            }
        }
        guard file >= 0 else {
            throw InputError(name, errno == ELOOP ? "is a symbolic link; refused" : InputFile.openProblem(errno))
        }
        opened.append(file)
        var status = stat()
        guard fstat(file, &status) == 0 else { throw InputError(name, "cannot be read (\(SystemError(errno)))") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw InputError(name, "is not a regular file (a FIFO, socket or device); refused") }
        while true {
            let count = read(file, buffer.baseAddress!, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(name, "cannot be read (\(SystemError(errno)))")
            }
            if count == 0 { return }
            try writer.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The zip must not land inside the folder it packs (it would pack its own temporary file).
    private func refuseOutputInside(folder: URL, output: URL) throws(InputError) {
        let folderPath = folder.resolvingSymlinksInPath().path
        let outputFolder = output.deletingLastPathComponent().resolvingSymlinksInPath().path
        if outputFolder == folderPath || outputFolder.hasPrefix(folderPath + "/") {
            throw InputError(output.path, "is inside the bundle folder it would pack; choose a path outside it")
        }
    }
}
