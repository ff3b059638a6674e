/// A course or competence name as training exports write it, reduced to its title (DESIGN §4): ESR's
/// `NHS|CSTF|Information Governance and Data Security - 1 Year|` and `<VPD>|LOCAL|<title>|` lose the
/// `…|CSTF|` / `…|LOCAL|` prefix, the ` - N Year(s)` suffix and the trailing `|`; e-LfH and
/// social-care names (`Data Security Awareness - Level 1`) are kept as written.
enum CourseTitle {
    /// The title inside `name`, with runs of spaces made single.
    static func of(_ name: String) -> String {
        var fields = name.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        while fields.last?.isEmpty == true { fields.removeLast() }
        if fields.count >= 3, ["cstf", "local"].contains(fields[1].lowercased()) {
            fields.removeFirst(2)
        }
        let title = fields.joined(separator: "|").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return withoutYearsSuffix(title)
    }

    /// `Information Governance and Data Security - 1 Year` → `Information Governance and Data Security`.
    private static func withoutYearsSuffix(_ title: String) -> String {
        let words = title.split(separator: " ")
        guard words.count >= 4, words[words.count - 3] == "-",
              let years = Int(words[words.count - 2]), years > 0, words[words.count - 2].allSatisfy(\.isASCII),
              ["year", "years"].contains(words[words.count - 1].lowercased()) else { return title }
        return words.dropLast(3).joined(separator: " ")
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
