/// Picks the applicant's assessment out of DSPT evidence while it streams: the national list
/// has a row per organisation (and an export may list several years), so the most recently
/// published row whose code matches the manifest's ODS code (case-insensitively) wins.
///
/// No row that could change the verdict is dropped unseen: besides the chosen row it keeps the
/// rows with a status the policy does not accept that might be newer than it (one without a
/// usable publication date, the latest-published one, and the one naming the latest year), so
/// the check can report them when the chosen row passes. Memory stays constant whatever the file size.
struct DSPTRowSelection {
    /// How many other organisations to name when none matches.
    private static let othersNamed = 3

    let odsCode: String
    let acceptedStatuses: [String]
    private(set) var rows = 0
    /// Some other organisations listed (`RR8 (Leeds Teaching Hospitals)`), for a mismatch message.
    private(set) var others: [String] = []
    private(set) var chosen: DSPTAssessment?
    /// The first refused-status row without a usable publication date.
    private var undatedRefusal: DSPTAssessment?
    /// The latest-published refused-status row.
    private var latestDatedRefusal: DSPTAssessment?
    /// The refused-status row naming the latest assessment year, with that year.
    private var latestYearRefusal: (row: DSPTAssessment, year: AssessmentYear)?

    init(odsCode: String, acceptedStatuses: [String]) {
        self.odsCode = odsCode
        self.acceptedStatuses = acceptedStatuses
    }

    mutating func consider(
        _ record: CSVRecord<DSPTColumn>, path: String,
        dates: inout EvidenceDateParser, findings: inout CappedFindings
    ) {
        rows += 1
        let code = record[.code]
        guard code.lowercased() == odsCode.lowercased() else {
            let name = record[.name]
            let other = name.isEmpty ? code : "\(code) (\(name))"
            if !code.isEmpty, others.count < Self.othersNamed, !others.contains(other) { others.append(other) }
            return
        }
        let text = record[.published]
        let published = text.isEmpty ? nil : dates.parse(text)
        if !text.isEmpty && published == nil {
            findings.append(.error(.dateInvalid, "Line \(record.line) of \(path) has \(CellText.quoted(text)) as Date Published, which is not a date (use \(EvidenceDateParser.acceptedForms)).", evidence: path, location: "line \(record.line), column Date Published"))
        }
        let status = DSPTStatus(record[.status])
        let row = DSPTAssessment(
            path: path, line: record.line, status: status, isAccepted: status.isAccepted(by: acceptedStatuses),
            published: published, yearText: record[.year]
        )
        if !row.isAccepted { remember(refusal: row) }
        if let chosen, !row.isLater(than: chosen) { return }
        chosen = row
    }

    /// The rows with a refused status that may be newer than the chosen row of year `year`: one
    /// without a publication date, one published at the same instant, one naming a later year.
    /// Empty unless the chosen row's status is accepted (otherwise it fails on its own).
    func refusalsThatMayOverride(chosenYear year: AssessmentYear?) -> [DSPTAssessment] {
        guard let chosen, chosen.isAccepted else { return [] }
        var rows: [DSPTAssessment] = []
        if let undatedRefusal { rows.append(undatedRefusal) }
        if let latestDatedRefusal, let instant = chosen.published?.instant, latestDatedRefusal.published?.instant == instant {
            rows.append(latestDatedRefusal)
        }
        if let latestYearRefusal, let year, latestYearRefusal.year > year {
            rows.append(latestYearRefusal.row)
        }
        var seen: Set<String> = []
        return rows.filter { seen.insert("\($0.line) \($0.path)").inserted }
    }

    private mutating func remember(refusal row: DSPTAssessment) {
        if row.published == nil {
            if undatedRefusal == nil { undatedRefusal = row }
        } else if latestDatedRefusal.map({ row.isLater(than: $0) }) ?? true {
            latestDatedRefusal = row
        }
        if let year = row.statedYear, latestYearRefusal.map({ year > $0.year }) ?? true {
            latestYearRefusal = (row, year)
        }
    }
}
