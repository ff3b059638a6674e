import EvidenceVerifier
import Foundation

/// An `openssl s_server -www` process on 127.0.0.1 presenting the committed DEMO HSCN endpoint certificate
/// (`certs/demo/hscn-endpoint.pem`). The kernel picks the port (`-accept 127.0.0.1:0`) and the server
/// names it on its first output line, so no port is guessed. Stopped with SIGKILL and reaped (never
/// `Process.terminate()`, which can hang).
final class DemoTLSServer {
    let port: Int
    private let process: Process
    private let output: URL

    init(certificates: DemoCertificates) throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("lcr-bench-server-\(UUID().uuidString).out")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
            throw BenchmarkUsage(message: "cannot create \(output.path)")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "s_server", "-accept", "127.0.0.1:0", "-www",
            "-cert", certificates.endpointCertificate.path, "-key", certificates.endpointKey.path,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let port = Self.acceptedPort(in: output, while: process) else {
            Self.kill(process)
            try? FileManager.default.removeItem(at: output)
            throw BenchmarkUsage(message: "openssl s_server did not start listening")
        }
        self.port = port
    }

    /// Kills and reaps the server; safe to call more than once.
    func stop() {
        Self.kill(process)
        try? FileManager.default.removeItem(at: output)
    }

    /// The port in s_server's `ACCEPT 127.0.0.1:PORT` line, printed once it listens (nil if it exits or
    /// says nothing within ten seconds).
    private static func acceptedPort(in output: URL, while process: Process) -> Int? {
        for _ in 0..<500 where process.isRunning {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
               let port = line.split(separator: ":").last.flatMap({ Int($0) }) {
                return port
            }
            usleep(20_000)
        }
        return nil
    }

    private static func kill(_ process: Process) {
        guard process.isRunning else { return }
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// The committed DEMO certificates the benchmark serves and trusts (`certs/` at the repository root).
struct DemoCertificates {
    let endpointCertificate: URL
    let endpointKey: URL
    /// `certs/hscn/`: the anchors the prober trusts.
    let anchors: [Certificate]
    /// The SHA-256 of the endpoint certificate, declared as the bundle would declare it.
    let declaredCertificate: String

    /// Reads them from `certs` (default: the repository's own `certs/`).
    init(certs: URL = DemoCertificates.repositoryCerts) throws {
        endpointCertificate = certs.appendingPathComponent("demo/hscn-endpoint.pem")
        endpointKey = certs.appendingPathComponent("demo/hscn-endpoint.key.pem")
        anchors = try TrustAnchors.load(.hscn, from: certs)
        guard let endpoint = try Certificate.parseAll(Data(contentsOf: endpointCertificate)).first else {
            throw BenchmarkUsage(message: "\(endpointCertificate.path) holds no certificate")
        }
        declaredCertificate = endpoint.sha256Fingerprint
    }

    /// `certs/` two folders above `Benchmarks/Sources/probe-benchmark/`.
    static let repositoryCerts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("certs", isDirectory: true)
}
