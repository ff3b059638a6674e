import EvidenceVerifier
import Foundation

/// An `openssl s_server -www` child process on 127.0.0.1 presenting a given certificate, for tests and the
/// demo PKI. A generated identity is written to a private temporary folder removed on `stop()`; the process
/// is stopped with SIGKILL and reaped (never `Process.terminate()`, which can hang).
public final class TLSServerProcess: @unchecked Sendable {
    public let port: Int
    public let pid: pid_t
    /// The private folder holding a generated identity, removed on `stop()`.
    private let directory: URL?
    private let lock = NSLock()
    private var stopped = false

    /// Starts a server presenting `identity` (plus `chain` as intermediates) and waits until it accepts
    /// connections. `extraArguments` go to `s_server` as they are (e.g. `["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"]`).
    public convenience init(identity: IssuedCertificate, chain: [Certificate] = [], extraArguments: [String] = []) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcr-tls-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let certificateFile = directory.appendingPathComponent("cert.pem")
        let keyFile = directory.appendingPathComponent("key.pem")
        var arguments = extraArguments
        do {
            try Data(identity.certificate.pemString.utf8).write(to: certificateFile)
            try identity.key.pem.write(to: keyFile)
            if !chain.isEmpty {
                let chainFile = directory.appendingPathComponent("chain.pem")
                try Data(chain.map(\.pemString).joined().utf8).write(to: chainFile)
                arguments = ["-cert_chain", chainFile.path] + arguments
            }
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        try self.init(certificateFile: certificateFile, keyFile: keyFile, extraArguments: arguments, ownedDirectory: directory)
    }

    /// Starts a server presenting the PEM certificate and key already on disk (e.g. the committed DEMO
    /// endpoint under `certs/demo/`).
    public convenience init(certificateFile: URL, keyFile: URL, extraArguments: [String] = []) throws {
        try self.init(certificateFile: certificateFile, keyFile: keyFile, extraArguments: extraArguments, ownedDirectory: nil)
    }

    private init(certificateFile: URL, keyFile: URL, extraArguments: [String], ownedDirectory: URL?) throws {
        directory = ownedDirectory
        do {
            var arguments = ["s_server", "-accept", "", "-cert", certificateFile.path, "-key", keyFile.path, "-www", "-quiet"]
            arguments += extraArguments
            // A port can be taken between probing and binding; try a few.
            var started: (port: Int, pid: pid_t)? = nil
            for _ in 0..<5 where started == nil {
                let port = try LoopbackPort.free()
                arguments[2] = "127.0.0.1:\(port)"
                let pid = try ChildProcess.spawn(Self.opensslPath(), arguments)
                if Self.waitUntilReady(pid: pid, port: port) { started = (port, pid) } else { ChildProcess.kill(pid) }
            }
            guard let started else { throw TLSServerError("openssl s_server did not start listening") }
            port = started.port
            pid = started.pid
        } catch {
            if let ownedDirectory { try? FileManager.default.removeItem(at: ownedDirectory) }
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
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private static func waitUntilReady(pid: pid_t, port: Int) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while clock.now < deadline {
            if ChildProcess.hasExited(pid) { return false }
            if LoopbackPort.canConnect(port) { return true }
            usleep(20_000)
        }
        return false
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
