import Foundation

/// A folder that can be made read-only for real: a small tmpfs mounted on it (remounted read-only) when the
/// tests run as root, whom permissions do not stop; otherwise plain permissions (mode 0555).
final class ReadOnlyFolder {
    let url: URL
    private let mounted: Bool

    init(at url: URL) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        mounted = geteuid() == 0
        if mounted { try Self.mount(["-t", "tmpfs", "-o", "size=8m", "tmpfs", url.path]) }
    }

    func makeReadOnly() throws {
        if mounted {
            try Self.mount(["-o", "remount,ro", url.path])
        } else {
            guard chmod(url.path, 0o555) == 0 else { throw CocoaError(.fileWriteNoPermission) }
        }
    }

    deinit {
        if mounted {
            try? Self.run("/bin/umount", [url.path])
        } else {
            chmod(url.path, 0o755)
        }
    }

    private static func mount(_ arguments: [String]) throws {
        try run("/bin/mount", arguments)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: "\(tool) \(arguments.joined(separator: " "))"])
        }
    }
}
