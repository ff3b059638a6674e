/// Evidence text inside Markdown: shown as the characters it is, never as Markdown syntax.
enum MarkdownText {
    /// Characters with a meaning in CommonMark or GitHub Markdown that a backslash makes literal:
    /// emphasis, code, links and images, headings, table cells, strikethrough, entities and math.
    private static let punctuation: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "(", ")", "!", "#", "|", "~", "&", "{", "}", "$"]

    /// `text` on one line with every Markdown character escaped; `<` and `>` become entities, so no
    /// raw HTML or autolink can start.
    static func escaped(_ text: String) -> String {
        // Scalar by scalar, as Markdown parsers read: a combining mark must not hide a `|` inside a Character.
        var result = ""
        for scalar in TerminalText.escaped(text).unicodeScalars {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default:
                if punctuation.contains(scalar) { result += "\\" }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A code or digest in a code span when it is plain letters, digits, `.`, `-` and `_` (as ours are),
    /// else escaped text: a backtick inside a code span would end it.
    static func literal(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
        }
        return plain ? "`\(text)`" : escaped(text)
    }
}
