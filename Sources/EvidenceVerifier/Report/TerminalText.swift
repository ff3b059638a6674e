/// Text from evidence made safe to show a person: every character that could move the cursor, end a
/// line, clear or recolour a terminal, or reorder what is shown is replaced by a visible escape.
///
/// C0 controls (NUL, ESC, CR, LF, TAB, …), DEL and C1 controls become `\n`, `\r`, `\t` or `\xHH`;
/// the invisible direction marks and overrides (U+061C, U+200E–200F, U+202A–202E, U+2066–2069)
/// and the Unicode line and paragraph separators (U+2028–2029) become `\u{HHHH}`. Everything else,
/// including ordinary non-ASCII letters, is kept. The text summary, the probe table, every stderr
/// line and the Markdown and HTML renderings all pass evidence through here, so a cell holding
/// `ESC[2J…Decision: ELIGIBLE` is shown as inert characters, never obeyed.
public enum TerminalText {
    /// `text` with every unsafe character replaced by its visible escape.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += scalar.value <= 0xFF ? "\\x\(hex(scalar.value, digits: 2))" : "\\u{\(hex(scalar.value, digits: 4))}"
            }
        }
        return result
    }

    /// True for the characters `escaped` replaces.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
