/// The columns a kind of CSV evidence is read by: each with its DESIGN §3 name, the aliases
/// older exports use, and whether a file without it is unusable.
///
/// Conform an enum with `Int` raw values (the default 0, 1, 2, …) and one case per column, at most
/// `CSVColumnPositions.capacity` of them; header names are matched case-insensitively after
/// trimming (and with runs of spaces treated as one).
protocol CSVColumns: Hashable, CaseIterable, Sendable, RawRepresentable where RawValue == Int {
    /// The name used in messages (`Date Published`).
    var name: String { get }
    /// Other header names that mean the same column.
    var aliases: [String] { get }
    var isRequired: Bool { get }
}

extension CSVColumns {
    /// Whether a header cell names this column.
    func matches(_ header: String) -> Bool {
        let wanted = Self.normalised(header)
        return ([name] + aliases).contains { Self.normalised($0) == wanted }
    }

    /// The name and its aliases, for a message: `Date Published (or Published, Publication Date)`.
    var namesForMessage: String {
        aliases.isEmpty ? name : "\(name) (or \(aliases.joined(separator: ", ")))"
    }

    static func normalised(_ header: String) -> String {
        header.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
