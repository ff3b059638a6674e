import Foundation

/// One child process run to its end: its wall time, and its peak resident memory and CPU time from
/// the `rusage` that `wait4` returns for it (so the figure is the child's own, not this process's).
public struct ChildRun: Sendable {
    public let seconds: Double
    public let peakResidentMegabytes: Double
    public let cpuSeconds: Double
    public let exitStatus: Int32
    /// What the child wrote to standard output.
    public let output: String

    /// Runs `executable` (found on PATH) with `arguments`, standard input and error on /dev/null.
    public static func run(_ executable: String, _ arguments: [String]) throws -> ChildRun {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("check-benchmark-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            environment.forEach { free($0) }
        }
        // The child starts with no signal blocked, whichever thread spawns it: a Swift concurrency thread
        // blocks signals, and `openssl speed` waits forever for a SIGALRM it inherited blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let status = posix_spawnp(&pid, executable, &actions, &attributes, argv, environment)
        guard status == 0 else { throw BenchmarkError("cannot start \(executable): \(String(cString: strerror(status)))") }
        var exitStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &exitStatus, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkError("wait4 failed for \(executable)") }
        }
        let elapsed = ContinuousClock.now - start
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ChildRun(
            seconds: durationSeconds(elapsed),
            peakResidentMegabytes: Double(usage.ru_maxrss) / 1024, cpuSeconds: cpu,
            exitStatus: (exitStatus >> 8) & 0xff,
            output: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "")
    }
}

/// Why the benchmark cannot go on.
public struct BenchmarkError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Seconds in a `Duration`, for printing.
public func durationSeconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
