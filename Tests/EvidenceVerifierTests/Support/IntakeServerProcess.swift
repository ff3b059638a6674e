import Foundation
import PKIFixtures

/// `lcr-verify serve` started for one test on 127.0.0.1 (the kernel picks the port; the service names it
/// on stderr once it listens), presenting `sharedPKI.hscnServer` over TLS, verifying as of
/// `TestPKI.asOf` with the repository's demo anchors and report-signing key. Stopped with SIGKILL and
/// reaped when the test lets go of it.
final class IntakeServerProcess: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let signing = [
        "--signing-key", repository.appendingPathComponent("certs/demo/report-signer.key.pem").path,
        "--signing-cert", repository.appendingPathComponent("certs/demo/report-signer.pem").path,
    ]

    let folder: TestFolder
    let data: URL
    /// The anchor that verifies the service's TLS certificate.
    let caFile: URL
    /// One JSON line per request (the service's stdout).
    let accessLog: URL
    private(set) var port = 0
    private var process: Process?

    init(folder: TestFolder = TestFolder()) throws {
        self.folder = folder
        data = folder.path("data")
        caFile = try folder.write(sharedPKI.root.certificate.pemString, to: "tls/ca.pem")
        accessLog = folder.path("access.log")
    }

    /// Starts the service; `arguments` are added to `serve`'s (a policy, shorter time limits).
    func start(_ arguments: [String] = []) throws {
        let certificate = try folder.write(sharedPKI.hscnServer.certificate.pemString, to: "tls/server.pem")
        let key = try folder.write(sharedPKI.hscnServer.key.pem, to: "tls/server.key")
        try Data().write(to: accessLog)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = [
            "serve", "--listen", "127.0.0.1:0", "--tls-cert", certificate.path, "--tls-key", key.path, "--data-dir", data.path,
            "--trust", Self.repository.appendingPathComponent("certs").path, "--no-probe", "--as-of", "2026-04-01T12:00:00Z",
        ] + Self.signing + arguments
        let errors = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: accessLog)
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        var text = ""
        while !text.contains("\n") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: "listening on https://127.0.0.1:"),
              let port = Int(text[range.upperBound...].prefix { $0.isNumber })
        else {
            stop()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "serve did not start: \(text)"])
        }
        self.port = port
    }

    func stop() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    deinit { stop() }

    var baseURL: String { "https://127.0.0.1:\(port)" }

    /// `lcr-verify ARGUMENTS --data-dir` this service's folder.
    func command(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments + ["--data-dir", data.path])
    }

    /// A new token (`tokens issue ODS`, or the steering group's with nil).
    func token(_ odsCode: String?) throws -> String {
        let result = try command(["tokens", "issue"] + (odsCode.map { [$0] } ?? ["--role", "steering-group"]))
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `curl` against the service, trusting only the test root: the HTTP status and the body (as text, and
    /// written to `saveTo` when given).
    func curl(_ path: String, token: String? = nil, _ arguments: [String] = [], saveTo: URL? = nil) throws -> (status: Int, body: String) {
        let body = folder.path("curl-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-sS", "--cacert", caFile.path, "-o", body.path, "-w", "%{http_code}", "--max-time", "30"]
            + (token.map { ["-H", "Authorization: Bearer \($0)"] } ?? []) + arguments + [baseURL + path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let code = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: body) }
        if let saveTo { try FileManager.default.copyItem(at: body, to: saveTo) }
        return (Int(String(decoding: code, as: UTF8.self)) ?? 0, (try? String(contentsOf: body, encoding: .utf8)) ?? "")
    }

    /// POSTs the file at `zip` to `/v1/submissions` with curl.
    func upload(_ zip: URL, token: String?, _ arguments: [String] = []) throws -> (status: Int, body: String) {
        try curl("/v1/submissions", token: token, ["--data-binary", "@\(zip.path)", "-H", "Content-Type: application/zip"] + arguments)
    }

    /// Files under the data folder (relative paths), hidden ones included.
    func files(under relative: String) -> [String] {
        let root = data.appendingPathComponent(relative).path
        return ((FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [])
            .filter { !FileManager.default.isDirectory(atPath: "\(root)/\($0)") }.sorted()
    }

    /// How many rows a registry table holds, read with Python's sqlite3 (an independent reader).
    func count(_ table: String) throws -> Int {
        let script = "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM \(table)').fetchone()[0])"
        return Int(try RegistryCommandLineTests.python(["-c", script, data.appendingPathComponent("registry.sqlite").path])
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}

extension FileManager {
    func isDirectory(atPath path: String) -> Bool {
        var isFolder: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}

/// A hand-driven HTTPS client (Python's ssl module) for what curl will not do: a head that promises a huge
/// body and sends none, a body sent a byte at a time, a connection that says nothing.
enum RawHTTPSClient {
    struct Outcome: Decodable {
        /// Everything the server sent before it closed the connection.
        let response: String
        /// How many trickled bytes were sent before the connection failed.
        let sent: Int
        /// True when the server neither answered nor closed within the client's own time limit.
        let timedOut: Bool
    }

    static let script = """
        import json, socket, ssl, sys, time
        host, port, ca, plan = sys.argv[1], int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
        context = ssl.create_default_context(cafile=ca)
        connection = context.wrap_socket(socket.create_connection((host, port)), server_hostname=host)
        connection.settimeout(plan['timeout'])
        sent, timed_out, received = 0, False, b''
        try:
            connection.sendall(plan['head'].encode('latin-1'))
            for _ in range(plan['trickle']):
                time.sleep(plan['every'])
                connection.sendall(b'a')
                sent += 1
        except OSError:
            pass
        try:
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                received += chunk
        except socket.timeout:
            timed_out = True
        except OSError:
            pass
        print(json.dumps({'response': received.decode('latin-1'), 'sent': sent, 'timedOut': timed_out}))
        """

    /// Sends `head` (raw request text), then `trickle` single bytes `every` seconds, then reads until the
    /// server closes or `timeout` seconds pass without a byte.
    static func run(port: Int, caFile: URL, head: String, trickle: Int = 0, every: Double = 0, timeout: Double = 20) throws -> Outcome {
        let plan: [String: Any] = ["head": head, "trickle": trickle, "every": every, "timeout": timeout]
        let planText = String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self)
        let output = try RegistryCommandLineTests.python(["-c", script, "127.0.0.1", String(port), caFile.path, planText])
        return try JSONDecoder().decode(Outcome.self, from: Data(output.utf8))
    }
}
