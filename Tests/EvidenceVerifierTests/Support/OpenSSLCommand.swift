import Foundation

/// Runs the `openssl` command-line tool, the independent second opinion our tests compare against.
enum OpenSSLCommand {
    /// Runs `openssl ARGUMENTS` with output discarded and returns its exit status.
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
