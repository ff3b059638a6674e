import Foundation

/// Runs the built `lcr-verify` executable, as a user would, and captures what it printed.
enum CLI {
    struct Result {
        let status: Int32
        /// `.exit`, or `.uncaughtSignal` when the process died of a signal (then `status` is the signal).
        let reason: Process.TerminationReason
        let stdout: String
        let stderr: String
    }

    /// The executable in the build's products folder, where the test bundle also lives.
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("lcr-verify").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("lcr-verify")
    }

    /// Runs `lcr-verify ARGUMENTS`; output goes through files, so a large report never blocks on a pipe.
    /// With `standardOutput`, stdout goes there instead (`/dev/full`, a closed pipe) and `stdout` is empty.
    /// `environment` adds to (or replaces in) this process's environment.
    static func run(_ arguments: [String], standardOutput: FileHandle? = nil, environment: [String: String] = [:]) throws -> Result {
        let folder = TestFolder()
        let stdoutURL = try folder.write(Data(), to: "stdout")
        let stderrURL = try folder.write(Data(), to: "stderr")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = try standardOutput ?? FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            reason: process.terminationReason,
            stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
            stderr: try String(contentsOf: stderrURL, encoding: .utf8))
    }
}
