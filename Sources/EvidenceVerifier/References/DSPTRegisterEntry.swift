/// One organisation's row in the national DSPT published-status list.
public struct DSPTRegisterEntry: Sendable, Equatable {
    /// The code as the list writes it (it may be lower case).
    public let code: String
    public let status: DSPTStatus
    /// Nil when the cell is blank (`Not Published` rows often have no date).
    public let published: EvidenceDate?
    /// The line of the list it was read from.
    public let line: Int

    /// The year the row is for: its status prefix (`24/25 Standards Met`), else the year whose
    /// publication window holds its date; nil for an undated row without a prefix.
    public func year(deadlineMonth: Int, deadlineDay: Int, dates: EvidenceDateParser) -> AssessmentYear? {
        if let year = status.year { return year }
        return published.map { AssessmentYear.publishedOn(dates.day(of: $0), deadlineMonth: deadlineMonth, deadlineDay: deadlineDay) }
    }
}
