import EvidenceVerifier
import Testing

@Suite("ProbeTable")
struct ProbeTableTests {
    @Test("one aligned row per endpoint, failures explained below, and a count")
    func rendersTable() {
        let records = [
            EndpointRecord(
                url: "https://a.example/", address: "203.0.113.1:443", status: .ok, tlsVersion: "TLSv1.3",
                certificateSha256: String(repeating: "ab", count: 32), connectMs: 12, handshakeMs: 30),
            EndpointRecord(url: "http://b.example/", status: .invalidURL, error: "the URL uses http"),
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

    @Test("URLs, addresses and errors from peers are shown escaped, and the table stays aligned")
    func escapesControlCharacters() {
        let records = [
            EndpointRecord(url: "https://a.example/\u{1B}[2J", address: "\r203.0.113.1:443", status: .ok),
            EndpointRecord(url: "https://b.example/", status: .tlsFailed, error: "peer said \u{1B}]0;owned\u{7}\nok"),
        ]
        let table = ProbeTable.render(records)
        #expect(!table.unicodeScalars.contains { $0 != "\n" && TerminalText.needsEscape($0) })
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("https://a.example/\\x1B[2J  \\r203.0.113.1:443"))
        #expect(lines[3] == "    peer said \\x1B]0;owned\\x07\\nok")
        #expect(lines[0].firstRange(of: "STATUS")?.lowerBound.utf16Offset(in: lines[0]) == lines[1].firstRange(of: "ok")?.lowerBound.utf16Offset(in: lines[1]))
    }
}
