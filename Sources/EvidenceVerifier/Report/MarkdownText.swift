/// Evidence text inside Markdown: shown as the characters it is, never as Markdown syntax.
enum MarkdownText {
    /// Characters with a meaning in CommonMark or GitHub Markdown that a backslash makes literal:
    /// emphasis, code, links and images, headings, table cells, strikethrough, entities and math.
    private static let punctuation: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "(", ")", "!", "#", "|", "~", "&", "{", "}", "$"]

    /// `text` on one line with every Markdown character escaped; `<` and `>` become entities, so no
    /// raw HTML or autolink can start. GitHub's bare-URL autolinks are broken too: the `:` of `://`
    /// (no `https://…`) and the dot of `www.` are escaped.
    static func escaped(_ text: String) -> String {
        // Scalar by scalar, as Markdown parsers read: a combining mark must not hide a `|` inside a Character.
        let scalars = Array(TerminalText.escaped(text).unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default:
                if punctuation.contains(scalar) || startsAutolink(scalars, at: index) { result += "\\" }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether the scalar at `index` is the `:` of `://` or the dot of `www.` (any case).
    private static func startsAutolink(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        switch scalars[index] {
        case ":": return index + 1 < scalars.count && scalars[index + 1] == "/"
        case ".": return index >= 3 && scalars[(index - 3)..<index].allSatisfy { $0 == "w" || $0 == "W" }
        default: return false
        }
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
