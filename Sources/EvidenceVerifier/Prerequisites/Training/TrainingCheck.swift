import Foundation

/// Prerequisite 2 (training half): enough staff hold current information-governance training,
/// and every LCR user does, read from the `training-records` evidence.
///
/// A record counts when its course is accepted (policy `acceptedCourses`, name contains,
/// case-insensitive) and it is current at `asOf`: completed ≤ asOf < expiry, where expiry is the
/// earlier of the `Expiry Date` and completion + `validityDays` (DESIGN §4). A row whose person
/// key is not an email address (or, in a file keyed by `Staff ID`, not a staff ID) is an error and
/// its training never counts. LCR users are matched to training by address, and by the user
/// list's `Staff ID` when the training records are keyed by staff ID (ESR exports). The share of distinct
/// staff (lower-cased person keys) with current training, out of the manifest's `staffCount` (else the
/// distinct staff in the file), must reach `minimumCompletionPercent`; every address in the `user-accounts`
/// evidence must have current training, and a user's expiry within `expiryWarningDays` warns.
/// Lapses: each user's expiry, and the expiry that would take the share below the threshold.
///
/// The file is streamed; only one entry per distinct member of staff is kept.
public struct TrainingCheck: Check {
    public let id = PrerequisiteID.igTraining

    public init() {}

    public func evaluate(_ context: VerificationContext) async -> CheckOutcome {
        let files = context.bundle.usableFiles(.trainingRecords)
        guard !files.isEmpty else {
            return CheckOutcome(
                summary: "No usable training records, so staff training is unproven.",
                findings: [UnusableEvidence.finding(.trainingRecords, code: .trainingMissing, in: context.bundle)]
            )
        }
        let rules = context.policy.training
        let courseName = rules.acceptedCourses.count == 1 ? rules.acceptedCourses[0] : "data security"
        let records = context.training
        var findings = records.findings
        guard let ledger = records.ledger else {
            return CheckOutcome(summary: "The training records cannot be read, so staff training is unproven.", findings: findings.findings)
        }
        let dates = records.dates, keys = records.keys
        var lapses: [Date] = []
        let staffShare = judgeShare(ledger, context: context, courseName: courseName, findings: &findings, lapses: &lapses)
            + keys.description
        let users = judgeUsers(ledger, context: context, dates: dates, courseName: courseName, findings: &findings, lapses: &lapses)
        let usersPart: String
        if let (count, untrained) = users {
            usersPart = untrained == 0
                ? (count == 1 ? "the 1 LCR user is trained" : "all \(count) LCR users are trained")
                : "\(untrained) of \(count) LCR users \(untrained == 1 ? "is" : "are") not"
        } else {
            usersPart = "there is no readable list of LCR users to check"
        }
        return CheckOutcome(summary: "\(staffShare); \(usersPart).", findings: findings.findings, lapses: lapses)
    }

    /// Judges the share of staff with current training; returns the sentence that describes it.
    private func judgeShare(
        _ ledger: TrainingLedger, context: VerificationContext, courseName: String,
        findings: inout CappedFindings, lapses: inout [Date]
    ) -> String {
        let rules = context.policy.training
        let threshold = CompletionThreshold(percent: rules.minimumCompletionPercent)
        let declared = context.manifest?.organisation.staffCount
        let staff = declared ?? ledger.distinctStaff
        let current = min(ledger.currentCount, staff)
        let required = threshold.required(of: staff)
        let staffWord = declared == nil ? "staff in the training records" : "staff"
        let sentence = "\(current) of \(staff) \(staffWord) (\(CompletionThreshold.percentage(current, of: staff))) hold current \(courseName) training"
        let evidence = context.bundle.usableFiles(.trainingRecords).first?.entry.path
        if staff == 0 {
            findings.append(.error(.trainingBelowThreshold, "The training records list no staff, so the \(threshold.percentText) rule cannot be met.", evidence: evidence))
        } else if current < required {
            findings.append(.error(.trainingBelowThreshold, "\(sentence); at least \(required) (\(threshold.percentText)) must.", evidence: evidence))
        } else if let lapse = threshold.lapse(currentCount: ledger.currentCount, required: required, expiry: ledger.currentExpiry(rank:)) {
            lapses.append(lapse)
        }
        if ledger.onlyExpired > 0 {
            findings.append(.info(.trainingExpired, "\(ledger.onlyExpired) of the staff in the training records hold only expired \(courseName) training.", evidence: evidence))
        }
        return sentence
    }

    /// Judges each LCR user's training as the user list streams; returns how many users there
    /// are and how many lack current training, or nil when there is no readable user list.
    private func judgeUsers(
        _ ledger: TrainingLedger, context: VerificationContext,
        dates: EvidenceDateParser, courseName: String, findings: inout CappedFindings, lapses: inout [Date]
    ) -> (count: Int, untrained: Int)? {
        let warningWindow = TimeInterval(context.policy.training.expiryWarningDays) * 86_400
        let evidence = context.bundle.usableFiles(.trainingRecords).first?.entry.path
        let asOf = context.asOf
        guard context.users.readable else { return nil }
        var count = 0, untrained = 0
        context.users.forEachUser { listed in
            count += 1
            let user = listed.email
            let byAddress = ledger[user], byStaffID = listed.staffID.flatMap { ledger[staffID: $0] }
            let training = byStaffID.map { byAddress?.merged(with: $0) ?? $0 } ?? byAddress
            guard let expiry = training?.currentUntil else {
                untrained += 1
                let why = training?.expiredOn.map { "their \(courseName) training expired on \(day(of: $0, dates))" }
                    ?? "the training records show no current \(courseName) training for them"
                findings.append(.error(.trainingUserUntrained, "LCR user \(user) is not trained: \(why).", evidence: evidence, location: user))
                return
            }
            lapses.append(expiry)
            if expiry.timeIntervalSince(asOf) <= warningWindow {
                findings.append(.warning(.trainingExpiringSoon, "LCR user \(user)'s \(courseName) training expires on \(day(of: expiry, dates)).", evidence: evidence, location: user))
            }
        }
        return (count, untrained)
    }

    private func day(of instant: Date, _ dates: EvidenceDateParser) -> String {
        dates.day(of: EvidenceDate(instant: instant, calendarDate: nil)).spelledOut
    }
}

extension FindingCode {
    /// No usable training records.
    public static let trainingMissing = FindingCode("training.missing")
    /// Too few staff hold current training.
    public static let trainingBelowThreshold = FindingCode("training.below-threshold")
    /// Staff whose accepted training has expired (information).
    public static let trainingExpired = FindingCode("training.expired")
    /// An LCR user has no current training.
    public static let trainingUserUntrained = FindingCode("training.user-untrained")
    /// An LCR user's training expires soon.
    public static let trainingExpiringSoon = FindingCode("training.expiring-soon")
    /// A row's person key (the Email column) is not an email address; its training does not count.
    public static let trainingPersonInvalid = FindingCode("training.person-invalid")
    /// A completion date after the verification instant.
    public static let trainingCompletedInFuture = FindingCode("training.completed-in-future")
}
