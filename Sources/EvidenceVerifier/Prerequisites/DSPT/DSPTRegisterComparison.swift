import Foundation

/// The `dspt` check's independent cross-check: the applicant's chosen DSPT row against the national
/// published-status list the operator supplied. The list wins: a code it does not name is
/// `dspt.register-missing`; another status, or another latest year, is `dspt.register-mismatch`.
/// A list older than the policy allows adds `reference.stale`.
struct DSPTRegisterComparison {
    let register: DSPTRegister
    let rules: Policy.DSPT

    /// The findings for `assessment` (of year `year`, when established) of `odsCode`.
    func findings(
        for assessment: DSPTAssessment, year: AssessmentYear?, odsCode: String, dates: EvidenceDateParser
    ) -> [Finding] {
        let list = "the national DSPT list (SHA-256 \(register.record.sha256.prefix(12))…)"
        let location = "reference dspt-register \(register.record.sha256)"
        guard let entry = register.entry(for: odsCode) else {
            return [.error(.dsptRegisterMissing, "\(odsCode) is not on \(list), so its DSPT publication cannot be confirmed.", evidence: assessment.path, location: location)]
        }
        let listed = entry.status.text.isEmpty ? "no status" : "\"\(entry.status.text)\""
        let listedYear = entry.year(deadlineMonth: rules.deadlineMonth, deadlineDay: rules.deadlineDay, dates: dates)
        let stated = assessment.status.text.isEmpty ? "no status" : "\"\(assessment.status.text)\""
        var differences: [String] = []
        if entry.status.text.lowercased() != assessment.status.text.lowercased() {
            differences.append("the status is \(listed) there, not \(stated)")
        }
        if let listedYear, let year, listedYear != year {
            differences.append("its latest year there is \(listedYear), not \(year)")
        }
        guard !differences.isEmpty else { return [] }
        let published = entry.published.map { ", published \(dates.day(of: $0).spelledOut)" } ?? ""
        return [.error(
            .dsptRegisterMismatch,
            "The national DSPT list (SHA-256 \(register.record.sha256.prefix(12))…) contradicts the DSPT evidence for \(odsCode) (\(assessment.place)): \(differences.joined(separator: " and ")) (line \(entry.line) of the list\(published)). The national list takes precedence.",
            evidence: assessment.path, location: location)]
    }
}

extension FindingCode {
    /// The national DSPT list shows another status or latest year than the applicant's evidence.
    public static let dsptRegisterMismatch = FindingCode("dspt.register-mismatch")
    /// The national DSPT list does not name the applicant's ODS code.
    public static let dsptRegisterMissing = FindingCode("dspt.register-missing")
}
