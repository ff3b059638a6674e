import Foundation

/// Makes a finished file, and the folder entry that names it, durable (fsync) before anyone relies on it.
enum FileSync {
    static func file(at url: URL) throws(RegistryError) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw RegistryError.system(errno, path: url.path, doing: "open the file") }
        defer { close(descriptor) }
        try flush(descriptor, path: url.path)
    }

    static func folder(_ url: URL) throws(RegistryError) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw RegistryError.system(errno, path: url.path, doing: "open the folder") }
        defer { close(descriptor) }
        try flush(descriptor, path: url.path)
    }

    static func flush(_ descriptor: Int32, path: String) throws(RegistryError) {
        guard fsync(descriptor) == 0 else { throw RegistryError.system(errno, path: path, doing: "flush to disk") }
    }
}
