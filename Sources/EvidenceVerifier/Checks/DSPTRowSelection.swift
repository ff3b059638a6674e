/// Picks the applicant's assessment out of DSPT evidence while it streams: the national list
/// has a row per organisation (and an export may list several years), so the most recently
/// published row whose code matches the manifest's ODS code (case-insensitively) wins.
struct DSPTRowSelection {
    /// How many other organisations to name when none matches.
    private static let othersNamed = 3

    let odsCode: String
    private(set) var rows = 0
    /// Some other organisations listed (`RR8 (Leeds Teaching Hospitals)`), for a mismatch message.
    private(set) var others: [String] = []
    private(set) var chosen: DSPTAssessment?

    init(odsCode: String) {
        self.odsCode = odsCode
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
            findings.append(.error(.dateInvalid, "Line \(record.line) of \(path) has \"\(text)\" as Date Published, which is not a date (use \(EvidenceDateParser.acceptedForms)).", evidence: path, location: "line \(record.line), column Date Published"))
        }
        let row = DSPTAssessment(path: path, line: record.line, status: DSPTStatus(record[.status]), published: published, yearText: record[.year])
        if let chosen, !row.isLater(than: chosen) { return }
        chosen = row
    }
}
