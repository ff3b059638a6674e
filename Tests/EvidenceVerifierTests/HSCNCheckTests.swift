@testable import EvidenceVerifier
import Foundation
import PKIFixtures
import Testing

/// The `hscn` check on certificate evidence made with fixed dates, verified at `TestPKI.asOf` (2026-04-01).
@Suite("HSCNCheck", .serialized)
struct HSCNCheckTests {
    let pki = sharedPKI

    private func evaluate(_ context: VerificationContext) async -> (PrerequisiteStatus, CheckOutcome) {
        let outcome = await HSCNCheck().evaluate(context)
        return (PrerequisiteStatus(findings: outcome.findings), outcome)
    }

    private func codes(_ outcome: CheckOutcome, _ severity: Severity = .error) -> Set<String> {
        Set(outcome.findings.filter { $0.severity == severity }.map(\.code.rawValue))
    }

    private func leaf(
        notBefore: Date = TestPKI.validFrom, notAfter: Date = TestPKI.validUntil, issuer: IssuedCertificate? = nil,
        key: TestKey = .ec(), digest: String = "sha256"
    ) -> IssuedCertificate {
        (issuer ?? pki.root).issueLeaf(
            commonName: "gateway.example.nhs.uk", notBefore: notBefore, notAfter: notAfter,
            keyUsage: "critical,digitalSignature,keyEncipherment", extendedKeyUsage: "serverAuth",
            subjectAltNames: "DNS:gateway.example.nhs.uk", digest: digest, key: key, serial: 300)
    }

    @Test("a good certificate passes; without probes the check is at best a warning")
    func goodCertificateNotProbed() async throws {
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [pki.hscnServer.certificate])
        let (status, outcome) = await evaluate(try fixture.context())
        #expect(status == .warn)
        #expect(codes(outcome).isEmpty, "\(outcome.findings)")
        #expect(codes(outcome, .warning) == ["endpoints.not-probed"])
        #expect(outcome.lapses == [TestPKI.validUntil])
        #expect(outcome.endpoints.isEmpty)
        let details = try #require(outcome.findings.first { $0.code == .certificateDetails })
        #expect(details.message.contains(pki.hscnServer.certificate.sha256Fingerprint))
        #expect(details.message.contains("EC 256 bits"))
        #expect(details.message.contains("DNS:localhost"))
        #expect(details.evidence == "hscn/gateway.pem")
        #expect(outcome.summary.contains("valid and trusted"))
    }

    @Test("no certificate evidence fails")
    func noCertificate() async throws {
        let fixture = HSCNFixture()
        let (status, outcome) = await evaluate(try fixture.context())
        #expect(status == .fail)
        #expect(codes(outcome).contains("certificate.missing"))
    }

    @Test("a listed certificate whose bytes do not match the manifest is not used")
    func unusableCertificate() async throws {
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", Data(pki.hscnServer.certificate.pemString.utf8), intact: false)
        let (status, outcome) = await evaluate(try fixture.context())
        #expect(status == .fail)
        let finding = try #require(outcome.findings.first { $0.code == .certificateMissing })
        #expect(finding.message.contains("hscn/gateway.pem"))
    }

    @Test("garbage is a malformed-certificate finding, not a crash", arguments: [
        Data(), Data("hello".utf8), Data("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".utf8),
        Data([0x30, 0x82, 0xff, 0xff, 0x00]), Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }),
    ])
    func garbage(_ bytes: Data) async throws {
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", bytes)
        let (status, outcome) = await evaluate(try fixture.context())
        #expect(status == .fail)
        #expect(codes(outcome).contains("certificate.malformed"), "\(outcome.findings)")
    }

    @Test("a DER certificate is read")
    func derCertificate() async throws {
        let fixture = HSCNFixture()
        try fixture.add("gateway.der", pki.hscnServer.certificate.derBytes)
        let (_, outcome) = await evaluate(try fixture.context())
        #expect(codes(outcome).isEmpty, "\(outcome.findings)")
    }

    @Test("a leaf with its intermediate chains to the root")
    func intermediateChain() async throws {
        let intermediate = TestPKI.authority("LCR Test HSCN CA", issuer: pki.root, serial: 50)
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [leaf(issuer: intermediate).certificate, intermediate.certificate])
        let (_, outcome) = await evaluate(try fixture.context())
        #expect(codes(outcome).isEmpty, "\(outcome.findings)")
        #expect(outcome.findings.filter { $0.code == .certificateDetails }.count == 2)

        let withoutIntermediate = HSCNFixture()
        try withoutIntermediate.add("gateway.pem", pem: [leaf(issuer: intermediate).certificate])
        let (_, broken) = await evaluate(try withoutIntermediate.context())
        #expect(codes(broken) == ["certificate.untrusted"])
    }

    @Test("expired and not-yet-valid certificates have distinct codes")
    func validityWindow() async throws {
        let expired = HSCNFixture()
        try expired.add("old.pem", pem: [leaf(notAfter: TLSTestServer.expiredOn).certificate])
        let (expiredStatus, expiredOutcome) = await evaluate(try expired.context())
        #expect(expiredStatus == .fail)
        #expect(codes(expiredOutcome) == ["certificate.expired"])
        #expect(expiredOutcome.lapses.isEmpty)

        let future = HSCNFixture()
        try future.add("new.pem", pem: [leaf(notBefore: Date(timeIntervalSince1970: 1_798_761_600)).certificate])  // 2027-01-01
        let (_, futureOutcome) = await evaluate(try future.context())
        #expect(codes(futureOutcome) == ["certificate.not-yet-valid"])
    }

    @Test("a certificate expiring within 30 days warns and sets the lapse")
    func expiringSoon() async throws {
        let soon = TestPKI.asOf.addingTimeInterval(10 * 86_400)
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [leaf(notAfter: soon).certificate])
        let (_, outcome) = await evaluate(try fixture.context())
        #expect(codes(outcome).isEmpty)
        #expect(codes(outcome, .warning) == ["certificate.expiring-soon", "endpoints.not-probed"])
        #expect(outcome.lapses == [soon])
    }

    @Test("a chain to an unknown root is untrusted")
    func untrusted() async throws {
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [try #require(TLSTestServer.certificates[.untrusted]).certificate])
        let (_, outcome) = await evaluate(try fixture.context())
        #expect(codes(outcome) == ["certificate.untrusted"])
    }

    @Test("weak keys are refused", arguments: ["rsa1024", "p224"])
    func weakKeys(_ kind: String) async throws {
        let key: TestKey = kind == "rsa1024" ? .rsa(bits: 1024) : .ec(curve: "P-224")
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [leaf(key: key).certificate])
        let (_, outcome) = await evaluate(try fixture.context())
        #expect(codes(outcome).contains("certificate.weak-key"), "\(outcome.findings)")
    }

    @Test("a 2048-bit RSA key and a P-384 key are strong enough")
    func strongKeys() async throws {
        for key in [TestKey.rsa(bits: 2048), .ec(curve: "P-384")] {
            let fixture = HSCNFixture()
            try fixture.add("gateway.pem", pem: [leaf(key: key).certificate])
            let (_, outcome) = await evaluate(try fixture.context())
            #expect(codes(outcome).isEmpty, "\(outcome.findings)")
        }
    }

    @Test("MD5 and SHA-1 signatures are refused", arguments: ["sha1", "md5"])
    func weakSignatures(_ digest: String) async throws {
        let rsaRoot = TestPKI.authority("LCR Test RSA Root", key: .rsa(bits: 2048), serial: 60)
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [leaf(issuer: rsaRoot, digest: digest).certificate])
        let (_, outcome) = await evaluate(try fixture.context(extraAnchors: [rsaRoot.certificate]))
        #expect(codes(outcome).contains("certificate.weak-signature"), "\(outcome.findings)")
        let finding = try #require(outcome.findings.first { $0.code == .certificateWeakSignature })
        #expect(finding.message.contains(digest.uppercased()))
    }

    @Test("a CA certificate presented as the leaf is refused")
    func caAsLeaf() async throws {
        let intermediate = TestPKI.authority("LCR Test HSCN CA", issuer: pki.root, serial: 51)
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [intermediate.certificate])
        let (_, outcome) = await evaluate(try fixture.context())
        #expect(codes(outcome) == ["certificate.ca-as-leaf"])
    }

    @Test("a declared certificate for clientAuth only is not a TLS server certificate")
    func clientOnlyCertificate() async throws {
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [try #require(TLSTestServer.certificates[.clientOnly]).certificate])
        let (status, outcome) = await evaluate(try fixture.context())
        #expect(status == .fail)
        #expect(codes(outcome) == ["certificate.untrusted"])
        #expect(outcome.findings.contains { $0.message.contains("is not meant for a TLS server") })
    }

    @Test("without HSCN anchors nothing is trusted, and the check says why")
    func noAnchors() async throws {
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [pki.hscnServer.certificate])
        let (status, outcome) = await evaluate(try fixture.context(withTrust: false))
        #expect(status == .fail)
        #expect(codes(outcome) == ["hscn.trust-anchors-unavailable"])
    }

    @Test("a manifest without endpoints fails: no live connection is shown")
    func noEndpoints() async throws {
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [pki.hscnServer.certificate])
        let (status, outcome) = await evaluate(try fixture.context(endpoints: nil))
        #expect(status == .fail)
        #expect(codes(outcome) == ["endpoints.none-declared"])
    }

    @Test("a live endpoint presenting the declared certificate passes")
    func liveEndpointPasses() async throws {
        let server = try TLSTestServer.start(.good)
        defer { server.stop() }
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [pki.hscnServer.certificate])
        let url = "https://127.0.0.1:\(server.port)/"
        let (status, outcome) = await evaluate(try fixture.context(endpoints: [url], probe: true, allowedNetworks: [IPNetwork(cidr: "127.0.0.0/8")!]))
        #expect(status == .pass, "\(outcome.findings)")
        #expect(outcome.endpoints.map(\.status) == [.ok])
        #expect(outcome.endpoints.first?.certificateSha256 == pki.hscnServer.certificate.sha256Fingerprint)
        #expect(outcome.findings.contains { $0.code == .endpointOK && $0.location == url })
        #expect(outcome.summary.contains("1 of 1 endpoint passed"))
    }

    @Test("a live endpoint presenting another certificate fails")
    func liveEndpointUndeclared() async throws {
        let server = try TLSTestServer.start(.undeclared)
        defer { server.stop() }
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [pki.hscnServer.certificate])
        let (status, outcome) = await evaluate(
            try fixture.context(endpoints: ["https://127.0.0.1:\(server.port)/"], probe: true, allowedNetworks: [IPNetwork(cidr: "127.0.0.0/8")!]))
        #expect(status == .fail)
        #expect(codes(outcome) == ["endpoint.certificate-not-declared"])
    }

    /// Every way a probed endpoint can fail ends in its own `endpoint.<status>` error at that URL.
    @Test("each failing live endpoint has its own finding code", .timeLimit(.minutes(1)))
    func liveEndpointFailures() async throws {
        let closed = try LoopbackSocket.refusing()
        let mute = try LoopbackSocket.muteListener()
        let servers = try [TLSTestServer.Presenting.expired, .wrongHost, .untrusted].map { try TLSTestServer.start($0) }
        defer { servers.forEach { $0.stop() } }
        let legacy = try TLSTestServer.start(.good, extraArguments: ["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"])
        defer { legacy.stop() }
        let expected: [(url: String, codes: Set<String>)] = [
            ("https://127.0.0.1:\(closed.port)/", ["endpoint.unreachable"]),
            ("https://127.0.0.1:\(mute.port)/", ["endpoint.timeout"]),
            ("https://127.0.0.1:\(servers[0].port)/", ["endpoint.certificate-untrusted"]),
            ("https://127.0.0.1:\(servers[1].port)/", ["endpoint.hostname-mismatch"]),
            ("https://127.0.0.1:\(servers[2].port)/", ["endpoint.certificate-untrusted"]),
            ("http://127.0.0.1/", ["endpoint.invalid-url"]),
            // Refused as too old, or not negotiated at all by the local OpenSSL: either way it fails.
            ("https://127.0.0.1:\(legacy.port)/", ["endpoint.tls-version", "endpoint.tls-failed"]),
        ]
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [pki.hscnServer.certificate])
        let (status, outcome) = await evaluate(
            try fixture.context(endpoints: expected.map(\.url), probe: true, allowedNetworks: [IPNetwork(cidr: "127.0.0.0/8")!]))
        #expect(status == .fail)
        for (url, codes) in expected {
            let found = outcome.findings.filter { $0.location == url && $0.severity == .error }.map(\.code.rawValue)
            #expect(found.count == 1 && codes.contains(found[0]), "\(url): \(found)")
        }
    }

    @Test("a loopback endpoint is refused unless its network is allowed; bad CIDR text is refused before verifying")
    func loopbackNotAllowed() async throws {
        let listener = try LoopbackSocket.muteListener()
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [pki.hscnServer.certificate])
        let (status, outcome) = await evaluate(
            try fixture.context(endpoints: ["https://127.0.0.1:\(listener.port)/"], probe: true))
        #expect(status == .fail)
        #expect(codes(outcome) == ["endpoint.address-not-allowed"])
        #expect(!listener.hasPendingConnection)
        var policy = Policy.defaults
        policy.probe.allowedNetworks = ["not-a-cidr"]
        #expect(throws: InputError("policy", "probe.allowedNetworks: \"not-a-cidr\" is not a network such as 127.0.0.0/8")) {
            try BundleVerification(policy: policy, signerAnchors: [], hscnAnchors: [], probeEndpoints: true)
        }
    }

    @Test("more endpoints than probe.maximumEndpoints fail the check, and none is contacted")
    func tooManyEndpoints() async throws {
        let listener = try LoopbackSocket.muteListener()
        let fixture = HSCNFixture()
        try fixture.add("gateway.pem", pem: [pki.hscnServer.certificate])
        let limit = Policy.defaults.probe.maximumEndpoints
        let urls = (0..<limit).map { "https://10.0.0.\($0 + 1)/" } + ["https://127.0.0.1:\(listener.port)/"]
        let (status, outcome) = await evaluate(try fixture.context(endpoints: urls, probe: true, allowedNetworks: [IPNetwork(cidr: "127.0.0.0/8")!]))
        #expect(status == .fail)
        #expect(codes(outcome) == ["endpoints.too-many"])
        #expect(outcome.endpoints.isEmpty)
        #expect(outcome.summary.contains("\(limit + 1) endpoints declared, more than the \(limit) allowed"))
        #expect(!listener.hasPendingConnection, "nothing may be contacted")

        let (_, atTheLimit) = await evaluate(try fixture.context(endpoints: Array(urls.prefix(limit)), probe: true))
        #expect(codes(atTheLimit) == ["endpoint.address-not-allowed"], "exactly the maximum is probed")
        #expect(atTheLimit.endpoints.count == limit)
    }
}
