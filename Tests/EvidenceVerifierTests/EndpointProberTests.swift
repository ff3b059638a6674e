@testable import EvidenceVerifier
import Foundation
import PKIFixtures
import Testing

/// Live probes against TLS servers, closed ports and mute listeners on 127.0.0.1 that each test starts and stops.
@Suite("EndpointProber", .serialized)
struct EndpointProberTests {
    private func probe(_ urls: [String], _ configuration: ProbeConfiguration = TLSTestServer.configuration()) async -> [EndpointRecord] {
        await EndpointProber(configuration).probe(urls: urls)
    }

    @Test("a good endpoint passes with its TLS facts recorded")
    func goodEndpoint() async throws {
        let server = try TLSTestServer.start(.good)
        defer { server.stop() }
        let records = await probe(["https://127.0.0.1:\(server.port)/"])
        let record = try #require(records.first)
        #expect(record.status.rawValue == "ok", "\(record.error ?? "")")
        #expect(record.address == "127.0.0.1:\(server.port)")
        let version = try #require(record.tlsVersion.flatMap(TLSProtocolVersion.init(policyText:)), "\(record.tlsVersion ?? "no version")")
        #expect(version >= .tls1_2)
        #expect(record.certificateSha256 == sharedPKI.hscnServer.certificate.sha256Fingerprint)
        #expect(record.connectMs != nil)
        #expect(record.handshakeMs != nil)
        #expect(record.error == nil)
    }

    @Test("a host name is resolved, refused addresses dropped, and the allowed one pinned")
    func hostNameIsPinned() async throws {
        let server = try TLSTestServer.start(.good)
        defer { server.stop() }
        // localhost may resolve to ::1 as well; only 127.0.0.0/8 is allowed, so the probe must use 127.0.0.1.
        let records = await probe(["https://localhost:\(server.port)/"])
        #expect(records.first?.status.rawValue == "ok", "\(records.first?.error ?? "")")
        #expect(records.first?.address == "127.0.0.1:\(server.port)")
    }

    @Test("an expired certificate is untrusted at the as-of instant")
    func expiredCertificate() async throws {
        let server = try TLSTestServer.start(.expired)
        defer { server.stop() }
        let record = try #require(await probe(["https://127.0.0.1:\(server.port)/"]).first)
        #expect(record.status.rawValue == "certificate-untrusted")
        #expect(record.error?.contains("expired") == true, "\(record.error ?? "")")
        #expect(record.tlsVersion != nil)
    }

    @Test("a certificate for another host is a hostname mismatch")
    func wrongHost() async throws {
        let server = try TLSTestServer.start(.wrongHost)
        defer { server.stop() }
        let record = try #require(await probe(["https://127.0.0.1:\(server.port)/"]).first)
        #expect(record.status.rawValue == "hostname-mismatch", "\(record.error ?? "")")
    }

    @Test("a chain to an unknown root is untrusted")
    func untrustedChain() async throws {
        let server = try TLSTestServer.start(.untrusted)
        defer { server.stop() }
        let record = try #require(await probe(["https://127.0.0.1:\(server.port)/"]).first)
        #expect(record.status.rawValue == "certificate-untrusted", "\(record.error ?? "")")
    }

    @Test("a trusted certificate that was not declared fails; with nothing declared it passes")
    func undeclaredCertificate() async throws {
        let server = try TLSTestServer.start(.undeclared)
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/"
        let declaredRun = try #require(await probe([url]).first)
        #expect(declaredRun.status.rawValue == "certificate-not-declared")
        #expect(declaredRun.certificateSha256 == TLSTestServer.certificates[.undeclared]?.certificate.sha256Fingerprint)
        let probeCommandRun = try #require(await probe([url], TLSTestServer.configuration(declared: nil)).first)
        #expect(probeCommandRun.status.rawValue == "ok", "\(probeCommandRun.error ?? "")")
    }

    @Test("a trusted certificate for clientAuth only is not a TLS server certificate")
    func clientOnlyCertificate() async throws {
        let server = try TLSTestServer.start(.clientOnly)
        defer { server.stop() }
        let record = try #require(await probe(["https://127.0.0.1:\(server.port)/"], TLSTestServer.configuration(declared: nil)).first)
        #expect(record.status.rawValue == "certificate-untrusted", "\(record.error ?? "")")
        #expect(record.error?.contains("is not meant for a TLS server") == true, "\(record.error ?? "")")
    }

    /// Whether the local OpenSSL still negotiates TLS 1.1 (then the version is refused) or refuses the
    /// handshake itself, the endpoint fails; a version, when one is recorded, is below 1.2.
    @Test("an endpoint that only speaks TLS 1.1 fails, whether or not the local OpenSSL negotiates it")
    func tls11Endpoint() async throws {
        let server = try TLSTestServer.start(.good, extraArguments: ["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"])
        defer { server.stop() }
        let record = try #require(await probe(["https://127.0.0.1:\(server.port)/"]).first)
        #expect(["tls-version", "tls-failed"].contains(record.status.rawValue), "\(record.status.rawValue): \(record.error ?? "")")
        if record.status.rawValue == "tls-version" {
            let version = try #require(record.tlsVersion.flatMap(TLSProtocolVersion.init(policyText:)), "\(record.tlsVersion ?? "no version")")
            #expect(version < .tls1_2)
        }
    }

    @Test("a closed port is unreachable")
    func closedPort() async throws {
        let closed = try LoopbackSocket.refusing()
        let record = try #require(await probe(["https://127.0.0.1:\(closed.port)/"]).first)
        #expect(record.status.rawValue == "unreachable", "\(record.error ?? "")")
        #expect(record.tlsVersion == nil)
    }

    @Test("mute listeners are abandoned at their timeout", .timeLimit(.minutes(1)))
    func muteListeners() async throws {
        let listeners = try (0..<6).map { _ in try LoopbackSocket.muteListener() }
        let configuration = TLSTestServer.configuration(connectTimeout: .seconds(1), totalTimeout: .milliseconds(1500))
        let records = await probe(listeners.map { "https://127.0.0.1:\($0.port)/" }, configuration)
        #expect(records.allSatisfy { $0.status.rawValue == "timeout" }, "\(records.map(\.status.rawValue))")
    }

    /// Twelve mute endpoints, two at a time, with a 1 s total timeout: one batch after another they would take
    /// 6 s; the run's one deadline (1 s + 1 s) cuts off at least the batches that could not start before it.
    @Test("many mute endpoints end by the run's one deadline, not one timeout after another")
    func runDeadline() async throws {
        let listeners = try (0..<12).map { _ in try LoopbackSocket.muteListener() }
        var configuration = TLSTestServer.configuration(connectTimeout: .seconds(1), totalTimeout: .seconds(1))
        configuration.concurrency = 2
        let records = await probe(listeners.map { "https://127.0.0.1:\($0.port)/" }, configuration)
        #expect(records.allSatisfy { $0.status.rawValue == "timeout" }, "\(records.map(\.status.rawValue))")
        let cutOff = records.filter { $0.error?.contains("the probe run's deadline (2000 ms for all endpoints together)") == true }
        #expect(cutOff.count >= 6, "\(records.map { $0.error ?? "" })")
    }

    @Test("name look-ups end at the deadline: one not answered by then is a timeout")
    func lookupsEndAtTheDeadline() {
        let passed = HostResolver.resolveAll(["localhost", "gateway.example.nhs.uk"], before: ProbeDeadline(after: .zero), parallelism: 4)
        #expect(passed == ["localhost": .failure(.timedOut), "gateway.example.nhs.uk": .failure(.timedOut)])
        let answered = HostResolver.resolveAll(["localhost", "localhost"], before: ProbeDeadline(after: .seconds(30)), parallelism: 4)
        #expect(answered.count == 1)
        #expect((try? answered["localhost"]?.get())?.contains(IPAddress("127.0.0.1")!) == true)
    }

    @Test("an IPv6 form of a refused IPv4 address is refused without being contacted")
    func embeddedLoopbackRefused() async throws {
        let records = await probe(["https://[2002:7f00:1::]/", "https://[64:ff9b::7f00:1]/", "https://[::127.0.0.1]/"], TLSTestServer.configuration(allowing: []))
        #expect(records.map(\.status.rawValue) == ["address-not-allowed", "address-not-allowed", "address-not-allowed"], "\(records.map { $0.error ?? "" })")
    }

    @Test("a loopback endpoint is refused without being contacted unless its network is allowed")
    func loopbackRefusedWithoutConnecting() async throws {
        let listener = try LoopbackSocket.muteListener()
        let records = await probe(
            ["https://127.0.0.1:\(listener.port)/", "https://[::1]:\(listener.port)/"], TLSTestServer.configuration(allowing: []))
        #expect(records.map(\.status.rawValue) == ["address-not-allowed", "address-not-allowed"])
        #expect(records[0].address == "127.0.0.1:\(listener.port)")
        #expect(records[0].error?.contains("loopback") == true)
        #expect(records[1].address == "[::1]:\(listener.port)")
        #expect(!listener.hasPendingConnection, "nothing may connect to a refused address")
    }

    @Test("URLs that cannot be probed are refused before anything is sent", arguments: [
        "http://127.0.0.1/", "ftp://example.nhs.uk/", "https://user:secret@127.0.0.1/", "https:///nohost",
        "not a url", "https://exa mple.nhs.uk/", "https://bücher.example/",
    ])
    func invalidURLs(_ url: String) async throws {
        let record = try #require(await probe([url]).first)
        #expect(record.status.rawValue == "invalid-url", "\(url): \(record.status.rawValue) \(record.error ?? "")")
        #expect(record.url == url)
    }

    @Test("records come back in the order given, whatever finishes first")
    func mixedOrder() async throws {
        let server = try TLSTestServer.start(.good)
        defer { server.stop() }
        let mute = try LoopbackSocket.muteListener()
        let closed = try LoopbackSocket.refusing()
        let urls = [
            "https://127.0.0.1:\(mute.port)/", "https://127.0.0.1:\(server.port)/", "http://x/",
            "https://127.0.0.1:\(closed.port)/", "https://10.0.0.1/",
        ]
        let records = await probe(urls, TLSTestServer.configuration(connectTimeout: .seconds(1), totalTimeout: .seconds(1)))
        #expect(records.map(\.url) == urls)
        #expect(records.map(\.status.rawValue) == ["timeout", "ok", "invalid-url", "unreachable", "address-not-allowed"])
    }
}
