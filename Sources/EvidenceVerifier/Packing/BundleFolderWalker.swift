import Foundation

/// Lists the regular files below a bundle folder without following any link, each as the exact bytes of
/// its relative path. A symbolic link, FIFO, device or socket anywhere is refused with one `InputError`
/// naming it; nothing is opened for reading here except folders.
struct BundleFolderWalker {
    let root: URL
    /// Most files accepted (beyond that, the walk stops and refuses).
    let maximumFiles: Int

    /// Every regular file's relative path (components joined by "/"), in no particular order.
    func files() throws(InputError) -> [[UInt8]] {
        let descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(root.path, errno == ELOOP || errno == ENOTDIR ? "is not a folder (a link or a file); refused" : InputFile.openProblem(errno))
        }
        var found: [[UInt8]] = []
        try walk(descriptor, prefix: [], into: &found)
        return found
    }

    /// Reads one folder (taking ownership of `descriptor`) and descends into its subfolders.
    private func walk(_ descriptor: Int32, prefix: [UInt8], into found: inout [[UInt8]]) throws(InputError) {
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            throw InputError(name(prefix), "cannot be listed (\(SystemError(errno)))")
        }
        defer { closedir(stream) }
        var subfolders: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw InputError(name(prefix), "cannot be listed (\(SystemError(errno)))") }
                break
            }
            let component = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if component == [0x2E] || component == [0x2E, 0x2E] { continue }
            let path = prefix.isEmpty ? component : prefix + [0x2F] + component
            var status = stat()
            guard fstatat(dirfd(stream), component.map { CChar(bitPattern: $0) } + [0], &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                throw InputError(name(path), "cannot be read (\(SystemError(errno)))")
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                found.append(path)
                guard found.count <= maximumFiles else {
                    throw InputError(root.path, "holds more than the \(maximumFiles) files a zip without ZIP64 can list")
                }
            case S_IFDIR: subfolders.append(component)
            case S_IFLNK: throw InputError(name(path), "is a symbolic link; a bundle folder may hold only plain files and folders")
            default: throw InputError(name(path), "is not a regular file (a FIFO, socket or device); refused")
            }
        }
        for component in subfolders {
            let child = openat(dirfd(stream), component.map { CChar(bitPattern: $0) } + [0], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let path = prefix.isEmpty ? component : prefix + [0x2F] + component
            guard child >= 0 else { throw InputError(name(path), "cannot be opened as a folder (\(SystemError(errno)))") }
            try walk(child, prefix: path, into: &found)
        }
    }

    /// A readable name for errors: the folder's path joined with the relative path.
    func name(_ relative: [UInt8]) -> String {
        relative.isEmpty ? root.path : root.path + "/" + String(decoding: relative, as: UTF8.self)
    }
}
