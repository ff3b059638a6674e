import Foundation

/// The baseline: the `curl` command over the same URLs, one after another, as a shell loop would do it.
enum CurlBaseline {
    /// Probes every URL with `curl -k` and returns the counts by outcome.
    static func run(_ urls: [String], connectTimeout: Double, timeout: Double) throws -> [String: Int] {
        let curl = try executable("curl")
        var counts: [String: Int] = [:]
        for url in urls {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: curl)
            process.arguments = [
                "-sk", "-o", "/dev/null", "--noproxy", "*",
                "--connect-timeout", String(connectTimeout), "-m", String(timeout), url,
            ]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            counts[outcome(process.terminationReason == .exit ? process.terminationStatus : -1), default: 0] += 1
        }
        return counts
    }

    private static func outcome(_ exitStatus: Int32) -> String {
        switch exitStatus {
        case 0: "ok"
        case 7: "unreachable"
        case 28: "timeout"
        case 35: "tls-failed"
        default: "curl exit \(exitStatus)"
        }
    }

    private static func executable(_ name: String) throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw BenchmarkUsage(message: "the \(name) command is not on PATH")
    }
}
