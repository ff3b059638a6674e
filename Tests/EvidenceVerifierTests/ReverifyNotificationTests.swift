import Foundation
import Testing

@testable import EvidenceVerifier

/// `reverify --notify-url` / `--notify-smtp`: decision changes reach a webhook and a mailbox on 127.0.0.1;
/// a notification that cannot be sent is reported and loses nothing that was recorded.
@Suite(.serialized) struct ReverifyNotificationTests {
    typealias Deployment = RegistryCommandLineTests.Deployment

    static func submitted() throws -> Deployment {
        let deployment = Deployment()
        let result = try deployment.verifying(["submit", deployment.example("eligible")], asOf: "2026-04-01T12:00:00Z")
        #expect(result.status == 0, "\(result.stderr)")
        return deployment
    }

    @Test("A decision change is posted as JSON to the webhook and mailed through the SMTP server")
    func notifiesTransitions() throws {
        let deployment = try Self.submitted()
        let hook = try PythonSink(script: PythonSink.httpScript, in: deployment.folder)
        let mail = try PythonSink(script: PythonSink.smtpScript, in: deployment.folder)
        let quiet = try deployment.verifying(
            ["reverify", "--notify-url", "http://127.0.0.1:\(hook.port)/hook"], asOf: "2026-04-05T12:00:00Z")
        #expect(quiet.status == 0)
        #expect(hook.text.isEmpty)  // nothing changed, nothing sent
        let lapsed = try deployment.verifying([
            "reverify", "--notify-url", "http://127.0.0.1:\(hook.port)/hook", "--notify-smtp", "smtp://127.0.0.1:\(mail.port)",
            "--notify-to", "ig-team@nhs.net", "--notify-from", "lcr-verify@nhs.net",
        ], asOf: "2026-07-05T12:00:00Z")
        #expect(lapsed.status == 1, "\(lapsed.stderr)")
        #expect(lapsed.stderr.isEmpty, "\(lapsed.stderr)")
        let lines = hook.text.split(separator: "\n", maxSplits: 1)
        #expect(lines.first == "application/json")
        let notice = try #require(try JSONSerialization.jsonObject(with: Data((lines.last ?? "").utf8)) as? [String: Any])
        #expect(notice["event"] as? String == "lcr-verify.reverify")
        #expect(notice["asOf"] as? String == "2026-07-05T12:00:00Z")
        let transition = try #require((notice["transitions"] as? [[String: Any]])?.first)
        #expect(transition["odsCode"] as? String == "B86001")
        #expect(transition["previousDecision"] as? String == "eligible" && transition["decision"] as? String == "not-eligible")
        #expect(mail.text.contains("FROM lcr-verify@nhs.net\nTO ig-team@nhs.net"))
        #expect(mail.text.contains("Subject: lcr-verify: 1 partner(s) changed decision, 0 could not be re-verified (as of 2026-07-05T12:00:00Z)"))
        #expect(mail.text.contains("B86001 Example Medical Practice: eligible → not-eligible; added dspt/dspt.not-current"))
    }

    @Test("A webhook that cannot be reached is one stderr line; the verification is recorded; exit 2 only when nothing else failed")
    func failedNotificationLosesNothing() throws {
        let deployment = try Self.submitted()
        let closed = Self.closedPort()
        let lapsed = try deployment.verifying(["reverify", "--notify-url", "http://127.0.0.1:\(closed)/hook"], asOf: "2026-07-05T12:00:00Z")
        #expect(lapsed.status == 1)
        #expect(lapsed.stderr.hasPrefix("lcr-verify: notification not sent: --notify-url http://127.0.0.1:\(closed)/hook: "), "\(lapsed.stderr)")
        let recovered = try deployment.verifying(["reverify", "--notify-url", "http://127.0.0.1:\(closed)/hook"], asOf: "2026-04-05T12:00:00Z")
        #expect(recovered.status == 2)
        #expect(recovered.stderr.split(separator: "\n").count == 1)
        #expect(recovered.stdout.contains("B86001  not-eligible → eligible  (changed)"))
        let shown = try deployment.run(["partners", "show", "B86001"])
        #expect(shown.stdout.contains("latest:      eligible as of 2026-04-05T12:00:00Z"))
        #expect(deployment.reports().count == 3)
    }

    /// A port nothing listens on: bound by the kernel's choice, then closed.
    static func closedPort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length)
                return getsockname(socket, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
