import Foundation

/// A local receiver started for one test on 127.0.0.1 (a port the kernel picks): Python's HTTP server
/// answering every POST with 200, or Python's SMTP sink, each appending what it received to a file.
/// Stopped with SIGKILL when the test lets go of it.
final class PythonSink {
    let port: Int
    let received: URL
    private let process: Process

    static let httpScript = """
        import http.server, sys
        class Hook(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers['Content-Length']))
                with open(sys.argv[1], 'ab') as f: f.write(self.headers.get('Content-Type', '').encode() + b'\\n' + body + b'\\n')
                self.send_response(200); self.end_headers()
            def log_message(self, *args): pass
        server = http.server.HTTPServer(('127.0.0.1', 0), Hook)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    static let smtpScript = """
        import warnings; warnings.simplefilter('ignore')
        import smtpd, asyncore, sys
        class Sink(smtpd.SMTPServer):
            def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
                with open(sys.argv[1], 'ab') as f: f.write(('FROM ' + mailfrom + '\\nTO ' + ','.join(rcpttos) + '\\n').encode() + data + b'\\n')
        sink = Sink(('127.0.0.1', 0), None)
        print(sink.socket.getsockname()[1], flush=True)
        asyncore.loop()
        """

    init(script: String, in folder: TestFolder) throws {
        received = folder.path("received-\(UUID().uuidString)")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, received.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the Python receiver did not start"])
        }
        self.port = port
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var text: String { (try? String(contentsOf: received, encoding: .utf8)) ?? "" }
}
