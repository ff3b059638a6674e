/// One row of DSPT evidence for the applicant: what was published, when, and where it was read.
struct DSPTAssessment {
    let path: String
    let line: Int
    let status: DSPTStatus
    /// Whether the status is one the policy accepts.
    let isAccepted: Bool
    /// Nil when the row gives no publication date, or one that is not a date.
    let published: EvidenceDate?
    /// The `Financial Year` cell as written (empty when absent).
    let yearText: String

    /// The year the row names: its `Financial Year` cell, else its status prefix; nil when neither reads as one.
    var statedYear: AssessmentYear? {
        AssessmentYear(yearText) ?? status.year
    }

    /// Whether this row was published later than `other` (a dated row beats an undated one;
    /// on a tie the earlier row in the file stays).
    func isLater(than other: DSPTAssessment) -> Bool {
        guard let mine = published?.instant else { return false }
        guard let theirs = other.published?.instant else { return true }
        return mine > theirs
    }

    /// `line 12 of dspt/assessment.csv`, for a message.
    var place: String { "line \(line) of \(path)" }
}
