/// Evidence text inside HTML: control characters made visible, then `&`, `<`, `>`, `"` and `'` as entities,
/// safe in element content and in quoted attributes.
public enum HTMLText {
    public static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in TerminalText.escaped(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
