import EvidenceVerifier
import Testing

@Suite("ProbeTable")
struct ProbeTableTests {
    @Test("one aligned row per endpoint, failures explained below, and a count")
    func rendersTable() {
        let records = [
            EndpointRecord(
                url: "https://a.example/", address: "203.0.113.1:443", status: "ok", tlsVersion: "TLSv1.3",
                certificateSha256: String(repeating: "ab", count: 32), connectMs: 12, handshakeMs: 30),
            EndpointRecord(url: "http://b.example/", status: "invalid-url", error: "the URL uses http"),
        ]
        let lines = ProbeTable.render(records).split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("URL"))
        #expect(lines[1].contains("203.0.113.1:443") && lines[1].contains("TLSv1.3") && lines[1].contains("12 ms") && lines[1].contains("abababababababab…"))
        #expect(lines[2].hasPrefix("http://b.example/ ") && lines[2].contains("invalid-url"))
        #expect(lines[3] == "    the URL uses http")
        #expect(lines[4] == "2 endpoints: 1 ok, 1 failed")
        #expect(lines[0].firstRange(of: "STATUS")?.lowerBound.utf16Offset(in: lines[0]) == lines[2].firstRange(of: "invalid-url")?.lowerBound.utf16Offset(in: lines[2]))
    }
}
