import Foundation
import PKIFixtures
import Testing

/// `lcr-verify serve` as an attacker and an applicant meet it: a real process on 127.0.0.1 over TLS,
/// driven with curl and a hand-driven TLS client, its data folder checked afterwards.
@Suite(.serialized) struct IntakeServiceTests {
    /// A deployment folder (example bundles, `bundle(as:)`) with the service's data folder inside it.
    struct Service {
        let deployment = RegistryCommandLineTests.Deployment()
        let server: IntakeServerProcess

        /// Starts the service with `arguments` and, when given, a policy file holding `policy`, after `before`.
        init(_ arguments: [String] = [], policy: String? = nil, before: (RegistryCommandLineTests.Deployment) throws -> Void = { _ in }) throws {
            server = try IntakeServerProcess(folder: deployment.folder)
            try before(deployment)
            let policyArguments = try policy.map { ["--policy", try deployment.folder.write($0, to: "policy.json").path] } ?? []
            try server.start(arguments + policyArguments)
        }

        /// A zip of a bundle folder, packed with `bundle pack`.
        func zip(_ folder: String) throws -> URL {
            let zip = deployment.folder.path("zip-\(UUID().uuidString).zip")
            let packed = try CLI.run(["bundle", "pack", folder, "--out", zip.path])
            #expect(packed.status == 0, "\(packed.stderr)")
            return zip
        }

        /// Nothing half-received is left in the data folder.
        func expectNoTemporaryFiles(sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(server.files(under: "incoming") == [], sourceLocation: sourceLocation)
        }
    }

    static func json(_ body: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }

    @Test("Tokens decide: 401 without, 403 for another organisation's manifest, 201 then 200 for the same bytes, 404 for someone else's submission; the reports verify; the access log names no token and no name")
    func routesAndTokens() throws {
        let service = try Service()
        let server = service.server
        let practice = try server.token("B86001"), trust = try server.token("RR8"), steering = try server.token(nil)
        let eligible = try service.zip(service.deployment.example("eligible"))

        #expect(try server.curl("/healthz").status == 200)
        let anonymous = try server.upload(eligible, token: nil)
        #expect(anonymous.status == 401 && Self.json(anonymous.body)["error"] is String, "\(anonymous)")
        #expect(try server.upload(eligible, token: "lcr-1-" + String(repeating: "0", count: 64)).status == 401)
        let wrongOrganisation = try server.upload(eligible, token: trust)
        #expect(wrongOrganisation.status == 403, "\(wrongOrganisation)")
        #expect((Self.json(wrongOrganisation.body)["error"] as? String)?.contains("B86001") == true)
        #expect(try server.count("submission") == 0 && server.files(under: "evidence") == [] && server.files(under: "reports") == [])

        let created = try server.upload(eligible, token: practice)
        #expect(created.status == 201, "\(created)")
        let receipt = Self.json(created.body)
        #expect(receipt["odsCode"] as? String == "B86001" && receipt["decision"] as? String == "eligible")
        let id = try #require(receipt["id"] as? Int)
        #expect(receipt["reportUrl"] as? String == "/v1/submissions/\(id)/report.json")
        let again = try server.upload(eligible, token: practice)
        #expect(again.status == 200 && Self.json(again.body)["id"] as? Int == id, "\(again)")
        #expect(try server.count("submission") == 1)

        #expect(try server.curl("/v1/submissions/\(id)", token: practice).status == 200)
        #expect(try server.curl("/v1/submissions/\(id)", token: trust).status == 404)
        #expect(try server.curl("/v1/submissions/\(id)/report.json", token: trust).status == 404)
        #expect(try server.curl("/v1/submissions/\(id)").status == 401)
        #expect(try server.curl("/v1/submissions/999", token: steering).status == 404)
        #expect(try server.curl("/v1/submissions/\(id)", token: steering).status == 200)

        let reportFile = service.deployment.folder.path("fetched/report.json")
        try FileManager.default.createDirectory(at: reportFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(try server.curl("/v1/submissions/\(id)/report.json", token: practice, saveTo: reportFile).status == 200)
        #expect(try server.curl("/v1/submissions/\(id)/report.json.p7s", token: practice, saveTo: URL(fileURLWithPath: reportFile.path + ".p7s")).status == 200)
        let verified = try CLI.run(["report", "verify", reportFile.path, "--trust", RegistryCommandLineTests.certs])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")

        #expect(try server.curl("/v1/partners", token: practice).status == 403)
        let partners = try server.curl("/v1/partners", token: steering)
        #expect(partners.status == 200 && partners.body.contains("\"odsCode\":\"B86001\""), "\(partners)")
        let dashboard = try server.curl("/", token: steering)
        #expect(dashboard.status == 200 && dashboard.body.contains("<html") && dashboard.body.contains("B86001"))
        #expect(try server.curl("/", token: practice).status == 403)
        #expect(try server.curl("/nowhere", token: steering).status == 404)

        service.expectNoTemporaryFiles()
        #expect(server.files(under: "evidence").count == 1)
        server.stop()
        let log = try String(contentsOf: server.accessLog, encoding: .utf8)
        let lines = log.split(separator: "\n").map { Self.json(String($0)) }
        #expect(lines.count == 19 && lines.allSatisfy { $0["status"] is Int && $0["route"] is String && $0["durationMs"] is Double })
        #expect(lines.contains { $0["route"] as? String == "/v1/submissions/{id}" && $0["status"] as? Int == 404 && $0["odsCode"] as? String == "RR8" })
        #expect(lines.contains { $0["route"] as? String == "/v1/submissions" && $0["status"] as? Int == 201 && $0["bytesIn"] as? Int ?? 0 > 0 })
        for secret in [practice, trust, steering] { #expect(!log.contains(secret.split(separator: "-").last!)) }
        #expect(!log.contains("Example Medical Practice") && !log.contains("@nhs.net") && !log.contains("Bearer"))
    }

    @Test("A declared body over intake.maximumUploadBytes is 413 before a byte of it is sent; a chunked body that grows past it is cut off with 413; nothing is stored")
    func oversizedBodies() throws {
        let service = try Service(policy: #"{"intake": {"maximumUploadBytes": 4096}}"#)
        let server = service.server
        let practice = try server.token("B86001")
        let declared = try RawHTTPSClient.run(
            port: server.port, caFile: server.caFile,
            head: "POST /v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(practice)\r\nContent-Length: 1000000000000\r\n\r\n")
        #expect(declared.response.hasPrefix("HTTP/1.1 413"), "\(declared.response)")
        #expect(declared.response.lowercased().contains("connection: close") && !declared.timedOut)
        let big = try service.deployment.folder.write(Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }), to: "big.zip")
        let chunked = try server.upload(big, token: practice, ["-H", "Transfer-Encoding: chunked"])
        #expect(chunked.status == 413, "\(chunked)")
        #expect(try server.count("submission") == 0 && server.files(under: "evidence") == [])
        service.expectNoTemporaryFiles()
    }

    @Test("A client sending a byte at a time is cut off with nothing kept; a connection that sends no head, or idles after an answer, is closed")
    func slowAndSilentClients() throws {
        let service = try Service(["--head-timeout", "1", "--body-window", "1", "--body-minimum-bytes", "1024"])
        let server = service.server
        let practice = try server.token("B86001")
        let slow = try RawHTTPSClient.run(
            port: server.port, caFile: server.caFile,
            head: "POST /v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(practice)\r\nContent-Length: 100000\r\n\r\n",
            trickle: 40, every: 0.25)
        #expect(slow.sent < 40 && !slow.timedOut, "sent \(slow.sent)")
        #expect(!slow.response.contains("201") && !slow.response.contains("200 OK"))
        let silent = try RawHTTPSClient.run(port: server.port, caFile: server.caFile, head: "", timeout: 15)
        #expect(!silent.timedOut && silent.response.isEmpty)
        let halfHead = try RawHTTPSClient.run(port: server.port, caFile: server.caFile, head: "POST /v1/subm", timeout: 15)
        #expect(!halfHead.timedOut && halfHead.response.isEmpty)
        let keptAlive = try RawHTTPSClient.run(
            port: server.port, caFile: server.caFile, head: "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", timeout: 15)
        #expect(keptAlive.response.hasPrefix("HTTP/1.1 200") && !keptAlive.timedOut, "an idle keep-alive connection is closed: \(keptAlive)")
        #expect(try server.curl("/healthz").status == 200)
        #expect(try server.count("submission") == 0 && server.files(under: "evidence") == [])
        service.expectNoTemporaryFiles()
    }

    @Test("A zip bomb and a file that is not a zip are refused with a JSON error; nothing is stored")
    func unreadableBundles() throws {
        let service = try Service()
        let server = service.server
        let practice = try server.token("B86001")
        let bomb = service.deployment.folder.path("bomb.zip")
        try ZipWriter.write([.file("manifest.json", Data("{}".utf8)), .file("zeros.bin", Data(count: 64 << 20))], to: bomb)
        let refused = try server.upload(bomb, token: practice)
        #expect(refused.status == 422 && (Self.json(refused.body)["error"] as? String)?.contains("zip bomb") == true, "\(refused)")
        let text = try service.deployment.folder.write("not a zip at all", to: "notes.zip")
        let notZip = try server.upload(text, token: practice)
        #expect(notZip.status == 422 && Self.json(notZip.body)["error"] is String, "\(notZip)")
        #expect(try server.count("submission") == 0 && server.count("partner") == 0)
        #expect(server.files(under: "evidence") == [] && server.files(under: "reports") == [])
        service.expectNoTemporaryFiles()
    }

    @Test("Eight identical uploads at once end as one submission: one 201, the rest 200 with the same id")
    func concurrentIdenticalUploads() throws {
        let service = try Service()
        let server = service.server
        let practice = try server.token("B86001")
        let eligible = try service.zip(service.deployment.example("eligible"))
        let clients = (0..<8).map { _ in BlockingClient { try server.upload(eligible, token: practice) } }
        let answers = try clients.map { try $0.wait() }
        #expect(answers.filter { $0.status == 201 }.count == 1, "\(answers.map(\.status))")
        #expect(answers.filter { $0.status == 200 }.count == 7, "\(answers.map(\.status))")
        #expect(Set(answers.compactMap { Self.json($0.body)["id"] as? Int }).count == 1)
        #expect(try server.count("submission") == 1 && server.count("verification") == 8)
        #expect(server.files(under: "evidence").count == 1 && server.files(under: "reports").filter { $0.hasSuffix(".json") }.count == 8)
        service.expectNoTemporaryFiles()
    }

    @Test("While intake is paused a new organisation is 403 with the policy's message and nothing is stored; a partner resubmits")
    func pausedIntake() throws {
        let paused = #"{"intake": {"acceptingNewApplications": false, "pausedMessage": "paused for the ICB transition"}}"#
        let service = try Service(policy: paused) { deployment in
            let submitted = try deployment.verifying(["submit", deployment.example("eligible")], asOf: "2026-04-01T12:00:00Z")
            #expect(submitted.status == 0, "\(submitted.stderr)")
            let isa = try deployment.folder.write("signed ISA", to: "isa.pdf")
            let approved = try deployment.run(["partners", "approve", "B86001", "--access", "read-only", "--isa", isa.path, "--by", "IG"])
            #expect(approved.status == 0, "\(approved.stderr)")
        }
        let server = service.server
        let newcomer = try service.zip(try service.deployment.bundle(as: "RR8"))
        let refused = try server.upload(newcomer, token: try server.token("RR8"))
        #expect(refused.status == 403 && (Self.json(refused.body)["error"] as? String)?.contains("paused for the ICB transition") == true, "\(refused)")
        #expect(try server.count("partner") == 1 && server.count("submission") == 1)
        let practice = try server.token("B86001")
        let resubmitted = try server.upload(try service.zip(service.deployment.example("lapsed-training")), token: practice)
        #expect(resubmitted.status == 201, "\(resubmitted)")
        #expect(try server.upload(try service.zip(service.deployment.example("eligible")), token: practice).status == 200)
        #expect(try server.count("submission") == 2)
        service.expectNoTemporaryFiles()
    }

    @Test("upload sends a folder, prints the decision and the report's URL, fetches and checks the signed report; refusals and an untrusted server are exit 2 with one line")
    func uploadCommand() throws {
        let service = try Service()
        let server = service.server
        let tokenFile = try service.deployment.folder.write(try server.token("B86001") + "\n", to: "b86001.token")
        let reports = service.deployment.folder.path("fetched")
        func upload(_ bundle: String, token: URL = tokenFile, _ extra: [String] = []) throws -> CLI.Result {
            try CLI.run(["upload", bundle, "--server", server.baseURL, "--token-file", token.path] + extra)
        }
        let uploaded = try upload(
            service.deployment.example("eligible"),
            ["--cacert", server.caFile.path, "--report-out", reports.path, "--trust", RegistryCommandLineTests.certs])
        #expect(uploaded.status == 0, "\(uploaded.stderr)")
        #expect(uploaded.stdout.contains("B86001: submission 1 recorded: eligible"), "\(uploaded.stdout)")
        #expect(uploaded.stdout.contains("signed report: \(server.baseURL)/v1/submissions/1/report.json"))
        #expect(uploaded.stdout.contains("signature valid"))
        let written = reports.appendingPathComponent("B86001-20260401T120000Z.json")
        let verified = try CLI.run(["report", "verify", written.path, "--trust", RegistryCommandLineTests.certs])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")

        let packed = try service.zip(service.deployment.example("eligible"))
        let again = try upload(packed.path, ["--cacert", server.caFile.path])
        #expect(again.status == 0 && again.stdout.contains("submission 1 already recorded (same bytes)"), "\(again.stdout) \(again.stderr)")
        let notEligible = try upload(service.deployment.example("lapsed-training"), ["--cacert", server.caFile.path])
        #expect(notEligible.status == 1 && notEligible.stdout.contains("not-eligible"), "\(notEligible.stdout) \(notEligible.stderr)")

        let untrusted = try upload(service.deployment.example("eligible"))
        #expect(untrusted.status == 2 && untrusted.stderr.split(separator: "\n").count == 1, "\(untrusted.stderr)")
        let otherToken = try service.deployment.folder.write(try server.token("RR8"), to: "rr8.token")
        let refused = try upload(service.deployment.example("eligible"), token: otherToken, ["--cacert", server.caFile.path])
        #expect(refused.status == 2 && refused.stderr.contains("HTTP 403") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        let closedPort = try LoopbackSocket.refusing()
        let closed = try CLI.run([
            "upload", service.deployment.example("eligible"), "--server", "https://127.0.0.1:\(closedPort.port)",
            "--token-file", tokenFile.path, "--cacert", server.caFile.path,
        ])
        #expect(closed.status == 2 && closed.stderr.contains("after 3 tries"), "\(closed.stderr)")
        withExtendedLifetime(closedPort) {}
        #expect(try server.count("submission") == 2)
        service.expectNoTemporaryFiles()
    }

    @Test("tokens issue prints a token once (stdout) and says so (stderr); list shows no secret, text and JSON; revoke is once; wrong arguments are usage errors")
    func tokensCommands() throws {
        let server = try IntakeServerProcess()
        let issued = try server.command(["tokens", "issue", "b86001"])
        #expect(issued.status == 0 && issued.stderr.contains("token 1 issued for B86001"), "\(issued.stderr)")
        let token = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let secret = String(token.split(separator: "-").last ?? "")
        #expect(token.hasPrefix("lcr-1-") && secret.count == 64)
        #expect(try server.command(["tokens", "issue", "--role", "steering-group"]).status == 0)
        let listed = try server.command(["tokens", "list"])
        #expect(listed.stdout.contains("1   organisation    B86001") && listed.stdout.contains("2   steering-group  -"), "\(listed.stdout)")
        let json = try server.command(["tokens", "list", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2 && rows.allSatisfy { $0["hash"] == nil && $0["salt"] == nil } && rows[1]["role"] as? String == "steering-group")
        #expect(!listed.stdout.contains(secret) && !json.stdout.contains(secret))
        let revoked = try server.command(["tokens", "revoke", "1"])
        #expect(revoked.status == 0 && revoked.stdout.contains("token 1 (B86001) revoked"), "\(revoked.stdout) \(revoked.stderr)")
        let twice = try server.command(["tokens", "revoke", "1"])
        #expect(twice.status == 2 && twice.stderr.contains("already revoked") && twice.stderr.split(separator: "\n").count == 1, "\(twice.stderr)")
        #expect(try server.command(["tokens", "list", "--format", "json"]).stdout.contains("revokedAt"))
        for wrong in [["tokens", "issue"], ["tokens", "issue", "RR8", "--role", "steering-group"], ["tokens", "issue", "not an ods code!"]] {
            let refused = try server.command(wrong)
            #expect(refused.status == 2 && refused.stdout.isEmpty && refused.stderr.split(separator: "\n").count == 1, "\(wrong) \(refused.stderr)")
        }
        #expect(try server.count("token") == 2)
    }

    @Test("A service killed mid-upload leaves no submission and nothing stored; started again, it takes the upload")
    func killedMidUpload() throws {
        let service = try Service()
        let server = service.server
        let practice = try server.token("B86001")
        let port = server.port, caFile = server.caFile
        // The client runs on a thread of its own: it blocks, and must keep sending while this test waits.
        let client = BlockingClient {
            try RawHTTPSClient.run(
                port: port, caFile: caFile,
                head: "POST /v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(practice)\r\nContent-Length: 100000\r\n\r\nPK",
                trickle: 300, every: 0.1)
        }
        var receiving = false
        for _ in 0..<1_000 where !receiving {
            receiving = server.files(under: "incoming").contains { $0.hasPrefix(".upload-") }
            if !receiving { usleep(20_000) }
        }
        #expect(receiving)
        server.stop()
        let outcome = try client.wait()
        #expect(outcome.sent < 300 && !outcome.response.contains("HTTP/1.1 2"), "sent \(outcome.sent): \(outcome.response)")
        #expect(try server.count("submission") == 0 && server.files(under: "evidence") == [] && server.files(under: "reports") == [])
        #expect(server.files(under: "incoming").allSatisfy { $0.hasPrefix(".upload-") }, "\(server.files(under: "incoming"))")
        try server.start()
        let eligible = try service.zip(service.deployment.example("eligible"))
        #expect(try server.upload(eligible, token: practice).status == 201)
        #expect(try server.count("submission") == 1)
    }
}

extension IntakeServiceTests {
    /// An HTTPS server on 127.0.0.1 that answers every POST with 503 and counts them (Python's http.server over ssl).
    static let unavailableScript = """
        import http.server, ssl, sys
        class Busy(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers['Content-Length']))
                with open(sys.argv[3], 'a') as f: f.write('POST\\n')
                body = b'{"error": "busy"}'
                self.send_response(503); self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
            def log_message(self, *args): pass
        server = http.server.HTTPServer(('127.0.0.1', 0), Busy)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    @Test("serve refuses a port already taken and a key that is not a key: exit 2 with one line each")
    func serveStartRefusals() throws {
        let folder = TestFolder()
        let taken = try LoopbackSocket.muteListener()
        let certificate = try folder.write(sharedPKI.hscnServer.certificate.pemString, to: "server.pem")
        let key = try folder.write(sharedPKI.hscnServer.key.pem, to: "server.key")
        func serve(listen: String, key: URL) throws -> CLI.Result {
            try CLI.run([
                "serve", "--listen", listen, "--tls-cert", certificate.path, "--tls-key", key.path, "--data-dir", folder.path("data").path,
                "--trust", RegistryCommandLineTests.certs,
            ] + RegistryCommandLineTests.signing)
        }
        let inUse = try serve(listen: "127.0.0.1:\(taken.port)", key: key)
        #expect(inUse.status == 2 && inUse.stderr.contains("cannot be listened on") && inUse.stderr.split(separator: "\n").count == 1, "\(inUse.stderr)")
        let notAKey = try serve(listen: "127.0.0.1:0", key: certificate)
        #expect(notAKey.status == 2 && notAKey.stderr.contains("is not a PEM private key") && notAKey.stderr.split(separator: "\n").count == 1, "\(notAKey.stderr)")
        withExtendedLifetime(taken) {}
    }

    @Test("upload tries a 503 three times with pauses, then exits 2 with the service's reason")
    func uploadRetriesUnavailable() throws {
        let folder = TestFolder()
        let certificate = try folder.write(sharedPKI.hscnServer.certificate.pemString, to: "server.pem")
        let key = try folder.write(sharedPKI.hscnServer.key.pem, to: "server.key")
        let ca = try folder.write(sharedPKI.root.certificate.pemString, to: "ca.pem")
        let count = try folder.write("", to: "posts")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.unavailableScript, certificate.path, key.path, count.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let port = try #require(Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        let token = try folder.write("lcr-1-" + String(repeating: "ab", count: 32), to: "token")
        let result = try CLI.run([
            "upload", RegistryCommandLineTests.repository.appendingPathComponent("evidence/eligible").path,
            "--server", "https://127.0.0.1:\(port)", "--token-file", token.path, "--cacert", ca.path,
        ])
        #expect(result.status == 2 && result.stderr.contains("HTTP 503: busy") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try String(contentsOf: count, encoding: .utf8) == "POST\nPOST\nPOST\n")
    }
}

/// Runs a blocking call on a thread of its own; `wait()` gives its result.
final class BlockingClient<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ body: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            result = Result { try body() }
            done.signal()
        }
    }

    func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
