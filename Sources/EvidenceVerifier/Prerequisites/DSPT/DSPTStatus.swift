/// A published DSPT status as written (`24-25 Standards Met`, `22/23 Standards Met`,
/// `2024-25 Standards Met`, `Not published`), split into the year prefix, if any, and the status.
public struct DSPTStatus: Sendable, Equatable {
    /// The status without the year, with runs of spaces made single (`Standards Met`).
    public let text: String
    /// The year the prefix names, if there is one.
    public let year: AssessmentYear?

    public init(_ raw: String) {
        let words = raw.split(whereSeparator: \.isWhitespace)
        if let first = words.first, let year = AssessmentYear(first), words.count > 1 {
            self.year = year
            text = words.dropFirst().joined(separator: " ")
        } else {
            year = nil
            text = words.joined(separator: " ")
        }
    }

    /// Whether the status is one of `accepted` (compared case-insensitively, spaces normalised).
    public func isAccepted(by accepted: [String]) -> Bool {
        let mine = text.lowercased()
        return accepted.contains { DSPTStatus($0).text.lowercased() == mine }
    }
}
