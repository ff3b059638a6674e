import EvidenceVerifier
import Foundation

/// An `openssl s_server -www` child process on 127.0.0.1 presenting a given certificate, for tests. The
/// kernel picks the port (`-accept 127.0.0.1:0`) and the server names it in its `ACCEPT` line once it listens,
/// so no port is guessed or reused. Its output (and a generated identity) live in a private temporary folder
/// removed on `stop()`; the process is stopped with SIGKILL and reaped (never `Process.terminate()`, which
/// can hang).
public final class TLSServerProcess: @unchecked Sendable {
    public let port: Int
    public let pid: pid_t
    private let directory: URL
    private let lock = NSLock()
    private var stopped = false

    /// Starts a server presenting `identity` and waits until it listens. `extraArguments` go to `s_server`
    /// as they are (e.g. `["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"]`).
    public convenience init(identity: IssuedCertificate, extraArguments: [String] = []) throws {
        try self.init(extraArguments: extraArguments) { directory in
            let certificateFile = directory.appendingPathComponent("cert.pem")
            let keyFile = directory.appendingPathComponent("key.pem")
            try Data(identity.certificate.pemString.utf8).write(to: certificateFile)
            try identity.key.pem.write(to: keyFile)
            return (certificateFile, keyFile)
        }
    }

    /// Starts a server presenting the PEM certificate and key already on disk (e.g. the committed DEMO
    /// endpoint under `certs/demo/`).
    public convenience init(certificateFile: URL, keyFile: URL, extraArguments: [String] = []) throws {
        try self.init(extraArguments: extraArguments) { _ in (certificateFile, keyFile) }
    }

    private init(extraArguments: [String], files: (URL) throws -> (certificate: URL, key: URL)) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcr-tls-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        do {
            let (certificate, key) = try files(directory)
            let output = directory.appendingPathComponent("s_server.out")
            let pid = try ChildProcess.spawn(
                Self.opensslPath(),
                ["s_server", "-accept", "127.0.0.1:0", "-cert", certificate.path, "-key", key.path, "-www"] + extraArguments,
                standardOutput: output.path)
            let port: Int
            switch Self.waitUntilListening(pid: pid, output: output) {
            case .listening(let accepted):
                port = accepted
            case .exited:
                throw TLSServerError("openssl s_server exited before listening")
            case .silent:
                ChildProcess.kill(pid)
                throw TLSServerError("openssl s_server did not start listening")
            }
            self.pid = pid
            self.port = port
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    deinit { stop() }

    /// Kills and reaps the server and removes its files; safe to call more than once.
    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        ChildProcess.kill(pid)
        try? FileManager.default.removeItem(at: directory)
    }

    private enum Start {
        case listening(port: Int)
        /// Exited (and reaped) before listening.
        case exited
        /// Still running but not listening after ten seconds, so a broken `openssl` cannot hang a test run.
        case silent
    }

    /// Waits for s_server's `ACCEPT 127.0.0.1:PORT` line, printed once it listens.
    private static func waitUntilListening(pid: pid_t, output: URL) -> Start {
        for _ in 0..<500 {
            if ChildProcess.hasExited(pid) { return .exited }
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT 127.0.0.1:") }),
               let port = line.split(separator: ":").last.flatMap({ Int($0) }) {
                return .listening(port: port)
            }
            usleep(20_000)
        }
        return .silent
    }

    private static func opensslPath() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/openssl"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw TLSServerError("the openssl command is not on PATH")
    }
}

/// A test TLS server could not be started.
public struct TLSServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
