import Foundation

/// The folder an archive is unpacked into, written only through descriptors opened from its own: folders are
/// made with `mkdirat` (0700), files are created new (`O_CREAT|O_EXCL|O_NOFOLLOW`, 0600), and no link is
/// ever followed, so nothing can land outside it.
final class ZipDestination {
    private let descriptor: Int32

    init(folder: URL) throws(ZipRefusal) {
        descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ZipRefusal(unreadable: "cannot be unpacked into \(folder.path) (\(SystemError(errno)))")
        }
    }

    deinit { close(descriptor) }

    /// Makes the folder `name` names, with the folders above it.
    func makeFolder(_ name: ZipEntryName) throws(ZipRefusal) {
        let folder = try openFolder(name.components, for: name)
        close(folder)
    }

    /// Creates the file `name` names (it must not exist yet), with the folders above it.
    func createFile(_ name: ZipEntryName) throws(ZipRefusal) -> ZipOutputFile {
        let components = name.components
        let folder = try openFolder(components.dropLast(), for: name)
        defer { close(folder) }
        let file = openat(folder, components.last!, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard file >= 0 else { throw failure(name) }
        return ZipOutputFile(descriptor: file, name: name)
    }

    /// A new descriptor for the folder at `components`, made where missing; the caller closes it.
    private func openFolder(_ components: some Collection<String>, for name: ZipEntryName) throws(ZipRefusal) -> Int32 {
        var folder = dup(descriptor)
        guard folder >= 0 else { throw failure(name) }
        for component in components {
            if mkdirat(folder, component, 0o700) != 0, errno != EEXIST {
                let error = failure(name)
                close(folder)
                throw error
            }
            let child = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(folder)
            guard child >= 0 else { throw failure(name, code) }
            folder = child
        }
        return folder
    }

    private func failure(_ name: ZipEntryName, _ code: Int32 = errno) -> ZipRefusal {
        ZipRefusal(unreadable: "entry \(name.quoted) cannot be unpacked (\(SystemError(code)))")
    }
}
