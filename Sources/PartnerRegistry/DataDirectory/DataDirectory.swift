import Foundation

/// The folder a deployment keeps everything in (DESIGN §7): `registry.sqlite`, `evidence/sha256/…`,
/// `reports/<ODS>/…` and `references/…`. It only names paths and creates folders; each store owns its files.
public struct DataDirectory: Sendable, Equatable {
    public let root: URL

    public init(_ root: URL) {
        self.root = root.standardizedFileURL
    }

    public var registryFile: URL { root.appendingPathComponent("registry.sqlite") }
    public var evidenceFolder: URL { root.appendingPathComponent("evidence/sha256", isDirectory: true) }
    public var reportsFolder: URL { root.appendingPathComponent("reports", isDirectory: true) }
    public var referencesFolder: URL { root.appendingPathComponent("references", isDirectory: true) }
    /// Work in progress (a bundle being packed, a temporary copy): never a finished file.
    public var incomingFolder: URL { root.appendingPathComponent("incoming", isDirectory: true) }
    /// Held (flock) while a run records verifications, so two runs never record the same work twice.
    public var writerLockFile: URL { root.appendingPathComponent("writer.lock") }

    /// Creates the data folder (and its parents) when missing and confirms it can be written.
    /// A read-only file system or a folder without write permission is `RegistryError.readOnly`.
    public func prepare() throws(RegistryError) {
        try Self.createFolder(root)
        guard access(root.path, W_OK) == 0 else {
            throw RegistryError.system(errno, path: root.path, doing: "write the folder")
        }
    }

    /// Flushes every file written on the data folder's file system to disk (`syncfs`): one flush for a
    /// whole batch of reports, before the rows that name them are recorded.
    public func flushFileSystem() throws(RegistryError) {
        let descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw RegistryError.system(errno, path: root.path, doing: "open the folder") }
        defer { close(descriptor) }
        guard Self.syncfs(descriptor) == 0 else { throw RegistryError.system(errno, path: root.path, doing: "flush to disk") }
    }

    /// Linux's `syncfs(2)`, which Swift's Glibc module does not export (it is a GNU extension), found by
    /// name in the C library; where it is missing, `sync(2)` flushes every file system instead.
    private static let syncfs: @convention(c) (Int32) -> Int32 = {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") {
            return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
        }
        return { _ in
            sync()
            return 0
        }
    }()

    /// Creates `folder` and its parents (mode 0750) when missing; an existing folder is fine, anything else is refused.
    public static func createFolder(_ folder: URL) throws(RegistryError) {
        var components: [String] = []
        var current = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path) && current.path != "/" {
            components.append(current.path)
            current = current.deletingLastPathComponent()
        }
        for path in components.reversed() where mkdir(path, 0o750) != 0 && errno != EEXIST {
            throw RegistryError.system(errno, path: path, doing: "create the folder")
        }
        var status = stat()
        guard stat(folder.path, &status) == 0 else {
            throw RegistryError.system(errno, path: folder.path, doing: "read the folder")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw RegistryError.fileProblem(path: folder.path, reason: "is not a folder")
        }
    }
}
