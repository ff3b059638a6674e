import Testing
@testable import EvidenceVerifier

/// Evidence text shown to people: controls and direction overrides become visible escapes, nothing else changes.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}[2J", "\\x1B[2J"),
        ("a\rb\nc\td", "a\\rb\\nc\\td"),
        ("nul\u{0}", "nul\\x00"),
        ("del\u{7F}", "del\\x7F"),
        ("csi\u{9B}31m", "csi\\x9B31m"),
        ("\u{202E}gnp.exe", "\\u{202E}gnp.exe"),
        ("\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
        ("\u{200F}\u{061C}", "\\u{200F}\\u{061C}"),
        ("line\u{2028}sep", "line\\u{2028}sep"),
    ])
    func escapesControlsAndDirectionOverrides(text: String, shown: String) {
        #expect(TerminalText.escaped(text) == shown)
    }

    @Test func leavesOrdinaryTextAlone() {
        for text in ["a.manager@nhs.net", "Médecins Sans Frontières", "病院", "e\u{301}", "100% | \\x1B is text", ""] {
            #expect(TerminalText.escaped(text) == text)
        }
    }
}
