import Foundation

/// Prerequisite 2 (DSPT half): the applicant's Data Security and Protection Toolkit assessment
/// is published, meets the standard and is current, read from the `dspt-assessment` evidence.
///
/// The row used is the most recently published one for the manifest's ODS code. Its year is the
/// `Financial Year` cell, else the status prefix (`24-25 Standards Met`), else inferred from the
/// publication date (the year whose deadline is the first on or after it, reported as info).
/// The assessment for `2025-26` is due by the policy deadline (30 June) in 2026 and is current
/// until the next year's deadline, 30 June 2027: it lapses at the start of 1 July 2027 in
/// Europe/London. That instant is the check's lapse; within `lapseWarningDays` of it, a warning.
///
/// Evidence that contradicts itself fails: a year that has not begun at the verification instant
/// (`dspt.year-not-started`), a status prefix that differs from the `Financial Year` or a row
/// published before its year began (`dspt.year-conflict`), and a row with a refused status that
/// may be newer than the passing row (`dspt.row-conflict`; see `DSPTRowSelection`).
///
/// With the national DSPT list (`--dspt-register`, or the latest `reference import dspt`), the row
/// judged is also compared with the list, which takes precedence (`DSPTRegisterComparison`).
public struct DSPTCheck: Check {
    public let id = PrerequisiteID.dspt

    public init() {}

    public func evaluate(_ context: VerificationContext) async -> CheckOutcome {
        let files = context.bundle.usableFiles(.dsptAssessment)
        guard !files.isEmpty, let odsCode = context.manifest?.organisation.odsCode else {
            return CheckOutcome(
                summary: "No usable DSPT assessment, so the DSPT status is unproven.",
                findings: [UnusableEvidence.finding(.dsptAssessment, code: .dsptMissing, in: context.bundle)]
            )
        }
        var findings = CappedFindings()
        var dates = EvidenceDateParser()
        var selection = DSPTRowSelection(odsCode: odsCode, acceptedStatuses: context.policy.dspt.acceptedStatuses)
        var readable = false
        for file in files {
            readable = CSVEvidenceReader<DSPTColumn>(file: file).read(into: &findings) { record, findings in
                selection.consider(record, path: file.entry.path, dates: &dates, findings: &findings)
            } || readable
        }
        guard readable else {
            return CheckOutcome(summary: "The DSPT assessment cannot be read, so the DSPT status is unproven.", findings: findings.findings)
        }
        guard let assessment = selection.chosen else {
            let evidence = files.first?.entry.path
            if selection.rows == 0 {
                findings.append(.error(.dsptMissing, "The DSPT evidence lists no assessments.", evidence: evidence))
                return CheckOutcome(summary: "The DSPT evidence lists no assessments.", findings: findings.findings)
            }
            let others = selection.others.isEmpty ? "" : " (it lists \(selection.others.joined(separator: ", ")))"
            findings.append(.error(.dsptODSMismatch, "The DSPT evidence has no assessment for \(odsCode), the manifest's ODS code\(others).", evidence: evidence, location: "column Organisation Code"))
            return CheckOutcome(summary: "The DSPT evidence is for another organisation, not \(odsCode).", findings: findings.findings)
        }
        var lapses: [Date] = []
        let judged = judge(assessment, odsCode: odsCode, context: context, dates: &dates, findings: &findings, lapses: &lapses)
        var summary = judged.summary
        if let register = context.references.dspt {
            let crossCheck = DSPTRegisterComparison(register: register, rules: context.policy.dspt)
                .findings(for: assessment, year: judged.year, odsCode: odsCode, dates: dates)
            summary += crossCheck.isEmpty ? " The national DSPT list agrees." : " The national DSPT list does not agree."
            for finding in crossCheck { findings.append(finding) }
            if !crossCheck.isEmpty { lapses.removeAll() }
            let freshness = ReferenceFreshness(maximumAgeDays: context.policy.references.maximumAgeDays)
            if let stale = freshness.warning(for: register.record, asOf: context.asOf) { findings.append(stale) }
        }
        let contradictions = selection.refusalsThatMayOverride(chosenYear: judged.year)
        if !contradictions.isEmpty { summary += " Other rows for \(odsCode) that may be newer do not meet the standard." }
        for row in contradictions {
            let when = row.published.map { "published \(dates.day(of: $0).spelledOut)" } ?? "with no usable publication date"
            findings.append(.error(.dsptRowConflict, "\(row.place) gives \(odsCode)'s DSPT status as \"\(row.status.text)\" (\(when)\(row.statedYear.map { ", for \($0)" } ?? "")); it may be newer than \(assessment.place), which passes, so the evidence contradicts itself.", evidence: row.path, location: "line \(row.line)"))
            lapses.removeAll()
        }
        return CheckOutcome(summary: summary, findings: findings.findings, lapses: lapses)
    }

    /// Judges the chosen assessment's status, year and currency; returns the summary sentence and
    /// the assessment year, when it could be established.
    private func judge(
        _ assessment: DSPTAssessment, odsCode: String, context: VerificationContext,
        dates: inout EvidenceDateParser, findings: inout CappedFindings, lapses: inout [Date]
    ) -> (summary: String, year: AssessmentYear?) {
        let rules = context.policy.dspt
        let path = assessment.path
        let location = "line \(assessment.line)"
        let status = assessment.status.text.isEmpty ? "no status" : "\"\(assessment.status.text)\""
        let accepted = assessment.isAccepted
        if !accepted {
            findings.append(.error(.dsptStatusNotMet, "\(odsCode)'s latest DSPT status is \(status); the prerequisite needs \(rules.acceptedStatuses.joined(separator: " or ")).", evidence: path, location: location))
        }
        guard let published = assessment.published else {
            findings.append(.error(.dsptNotCurrent, "\(odsCode)'s latest DSPT row (\(status)) has no usable publication date, so its currency cannot be established.", evidence: path, location: location))
            return ("\(odsCode)'s DSPT status is \(status), with no publication date.", assessment.statedYear)
        }
        let publishedDay = dates.day(of: published)
        guard published.instant <= context.asOf else {
            findings.append(.error(.dsptPublishedInFuture, "\(odsCode)'s DSPT assessment is dated \(publishedDay.spelledOut), after the verification instant \(ISOInstant.string(context.asOf)).", evidence: path, location: location))
            return ("\(odsCode)'s DSPT assessment is dated in the future (\(publishedDay.spelledOut)).", assessment.statedYear)
        }
        guard let year = assessmentYear(assessment, published: publishedDay, rules: rules, findings: &findings) else {
            return ("\(odsCode)'s DSPT status is \(status), for an assessment year that cannot be established.", assessment.statedYear)
        }
        let yearStart = dates.startOfDay(year.firstDay)
        guard context.asOf >= yearStart else {
            findings.append(.error(.dsptYearNotStarted, "\(odsCode)'s DSPT row is for \(year), which does not begin until \(year.firstDay.spelledOut), after the verification instant \(ISOInstant.string(context.asOf)).", evidence: path, location: location))
            return ("\(odsCode)'s DSPT row is for \(year), a year that has not begun.", year)
        }
        guard published.instant >= yearStart else {
            findings.append(.error(.dsptYearConflict, "\(odsCode)'s DSPT row for \(year) is dated \(publishedDay.spelledOut), before that assessment year began on \(year.firstDay.spelledOut).", evidence: path, location: location))
            return ("\(odsCode)'s DSPT row for \(year) is dated before that year began.", year)
        }
        let described = "\(odsCode) published \(status) for \(year) on \(publishedDay.spelledOut)"
        let lastDay = year.lastCurrentDay(deadlineMonth: rules.deadlineMonth, deadlineDay: rules.deadlineDay)
        let lapse = dates.startOfDay(lastDay.adding(days: 1))
        guard context.asOf < lapse else {
            findings.append(.error(.dsptNotCurrent, "\(odsCode)'s \(year) DSPT assessment stopped being current after \(lastDay.spelledOut), the \(year.next) deadline.", evidence: path, location: location))
            return ("\(described); it stopped being current after \(lastDay.spelledOut).", year)
        }
        guard accepted else { return ("\(described), which does not meet the prerequisite.", year) }
        lapses.append(lapse)
        let remaining = lapse.timeIntervalSince(context.asOf)
        if remaining <= TimeInterval(rules.lapseWarningDays) * 86_400 {
            let daysLeft = Int(remaining / 86_400)
            findings.append(.warning(.dsptLapsingSoon, "\(odsCode)'s \(year) DSPT assessment is current only until \(lastDay.spelledOut) (\(daysLeft) days left): the \(year.next) assessment is due by then.", evidence: path, location: location))
        }
        return ("\(described); current until \(lastDay.spelledOut).", year)
    }

    /// The year from the `Financial Year` cell, else the status prefix, else the publication date;
    /// nil (with an error) when the cell is not a year or contradicts the prefix.
    private func assessmentYear(
        _ assessment: DSPTAssessment, published: CivilDate, rules: Policy.DSPT, findings: inout CappedFindings
    ) -> AssessmentYear? {
        if !assessment.yearText.isEmpty {
            guard let year = AssessmentYear(assessment.yearText) else {
                findings.append(.error(.dsptYearInvalid, "\"\(assessment.yearText)\" is not an assessment year such as 2025-26.", evidence: assessment.path, location: "line \(assessment.line), column Financial Year"))
                return nil
            }
            if let prefix = assessment.status.year, prefix != year {
                findings.append(.error(.dsptYearConflict, "The status names \(prefix) but the Financial Year is \(year): the row contradicts itself.", evidence: assessment.path, location: "line \(assessment.line), columns Status and Financial Year"))
                return nil
            }
            return year
        }
        if let year = assessment.status.year { return year }
        let year = AssessmentYear.publishedOn(published, deadlineMonth: rules.deadlineMonth, deadlineDay: rules.deadlineDay)
        findings.append(.info(.dsptYearInferred, "No assessment year is given; publication on \(published.spelledOut) places it in \(year).", evidence: assessment.path, location: "line \(assessment.line)"))
        return year
    }
}

extension FindingCode {
    /// No usable DSPT evidence, or it lists no assessments.
    public static let dsptMissing = FindingCode("dspt.missing")
    /// The DSPT evidence has no row for the manifest's ODS code.
    public static let dsptODSMismatch = FindingCode("dspt.ods-mismatch")
    /// The published status is not one the policy accepts.
    public static let dsptStatusNotMet = FindingCode("dspt.status-not-met")
    /// The assessment is no longer current (or its currency cannot be established).
    public static let dsptNotCurrent = FindingCode("dspt.not-current")
    /// The publication date is after the verification instant.
    public static let dsptPublishedInFuture = FindingCode("dspt.published-in-future")
    /// The current assessment lapses within the warning window.
    public static let dsptLapsingSoon = FindingCode("dspt.lapsing-soon")
    /// The `Financial Year` cell is not an assessment year.
    public static let dsptYearInvalid = FindingCode("dspt.year-invalid")
    /// The assessment year has not begun at the verification instant (`2030-31` checked in 2026).
    public static let dsptYearNotStarted = FindingCode("dspt.year-not-started")
    /// The row contradicts itself about its year: the status prefix and `Financial Year` differ,
    /// or it was published before its assessment year began.
    public static let dsptYearConflict = FindingCode("dspt.year-conflict")
    /// Another row for the organisation, with a status the policy does not accept, may be newer
    /// than the passing row judged (no usable date, the same date, or a later year).
    public static let dsptRowConflict = FindingCode("dspt.row-conflict")
    /// No year was given, so it was inferred from the publication date (information).
    public static let dsptYearInferred = FindingCode("dspt.year-inferred")
}
