import Foundation

/// The `direct-care` check's independent cross-check: the manifest's organisation against the ODS
/// register files the operator supplied. A code none of them lists is `organisation.unknown`; one
/// that is closed, dormant or not yet open at the verification instant is `organisation.closed`; a
/// name that differs from the register's (beyond case, spacing, punctuation, `&`/`and`, `Ltd`/`Limited`)
/// is the warning `organisation.name-differs`. Lists older than the policy allows add `reference.stale`.
struct ODSRegisterComparison {
    let lists: ReferenceLists
    let freshness: ReferenceFreshness

    func findings(odsCode: String, name: String, asOf: Date) -> [Finding] {
        var findings = lists.ods.compactMap { freshness.warning(for: $0.record, asOf: asOf) }
        let field = "manifest.json"
        guard let entry = lists.odsEntry(for: odsCode) else {
            let files = lists.ods.count == 1 ? "the ODS register file" : "any of the \(lists.ods.count) ODS register files"
            findings.insert(.error(.organisationUnknown, "\(odsCode) is not listed in \(files) supplied, so the organisation cannot be confirmed.", evidence: field, location: "field organisation.odsCode"), at: 0)
            return findings
        }
        var own: [Finding] = []
        let calendar = UKCalendar()
        if let reason = entry.notOpen(on: calendar.day(containing: asOf)) {
            own.append(.error(.organisationClosed, "The ODS register lists \(odsCode) (\(entry.name)) as \(reason).", evidence: field, location: "field organisation.odsCode"))
        }
        if OrganisationName(entry.name) != OrganisationName(name) {
            own.append(.warning(.organisationNameDiffers, "The manifest names \(odsCode) \"\(name)\"; the ODS register names it \"\(entry.name)\".", evidence: field, location: "field organisation.name"))
        }
        return own + findings
    }
}

extension FindingCode {
    /// The ODS register lists the organisation as closed, dormant or not yet open.
    public static let organisationClosed = FindingCode("organisation.closed")
    /// No ODS register file supplied lists the organisation's code.
    public static let organisationUnknown = FindingCode("organisation.unknown")
    /// The manifest's name differs from the register's (a warning).
    public static let organisationNameDiffers = FindingCode("organisation.name-differs")
}
