import EvidenceVerifier
import Foundation

/// Which kind of fact lapses at a partner's `reverifyBy`, in the words a steering group uses.
public enum LapseReason: String, CaseIterable, Sendable, Codable {
    case dsptDeadline = "dspt-deadline"
    case training
    case certificate
    /// The report gives the instant but nothing that says which fact lapses then.
    case unknown

    /// `DSPT deadline`, `training`, `certificate`, `not known`.
    public var words: String {
        switch self {
        case .dsptDeadline: "DSPT deadline"
        case .training: "training"
        case .certificate: "certificate"
        case .unknown: "reason not known"
        }
    }

    /// One letter that stands for the reason in the calendar strip (its legend spells it out).
    public var letter: String {
        switch self {
        case .dsptDeadline: "D"
        case .training: "T"
        case .certificate: "C"
        case .unknown: "?"
        }
    }
}

/// The instant a partner's verdict stops holding, and which fact lapses then.
public struct Lapse: Sendable, Equatable {
    public let at: Date
    public let reason: LapseReason
    /// A sentence naming the fact: `the DSPT assessment is current only until the 30 June 2026 deadline`.
    public let detail: String

    public init(at: Date, reason: LapseReason, detail: String) {
        self.at = at
        self.reason = reason
        self.detail = detail
    }
}

/// How close a lapse is to the instant the dashboard is drawn for.
public enum LapseUrgency: Sendable, Equatable {
    /// `reverifyBy` has passed: the fact has lapsed.
    case lapsed
    /// Within the notice period (`reverify.noticeDays`).
    case soon
    case later

    public init(_ lapse: Date, asOf: Date, noticeDays: Int) {
        if lapse <= asOf {
            self = .lapsed
        } else if lapse <= asOf.addingTimeInterval(TimeInterval(noticeDays) * 86_400) {
            self = .soon
        } else {
            self = .later
        }
    }
}

/// Finds which fact sets a report's `reverifyBy`. The report records only the earliest lapse, so the
/// reason is read back from what the report does say, in this order:
/// 1. a certificate whose `notAfter` is that instant: the manifest signer's, an evidence file's
///    signer's, or an HSCN certificate's (its `certificate.details` finding gives its validity);
/// 2. the DSPT deadline: DSPT assessments lapse when 1 July starts in Europe/London, and the `dspt`
///    prerequisite did not fail (only a current assessment has a lapse);
/// 3. training: training lapses at the start of a UK day, and the `ig-training` prerequisite did not fail;
/// 4. otherwise the reason is `unknown`, and the page says so.
public enum LapseClassifier {
    public static func lapse(of report: VerificationReport) -> Lapse? {
        guard let at = report.reverifyBy else { return nil }
        if let certificate = certificate(expiringAt: at, in: report) {
            return Lapse(at: at, reason: .certificate, detail: certificate)
        }
        let day = UKMonth.calendar.dateComponents([.month, .day, .hour, .minute, .second], from: at)
        let startsADay = day.hour == 0 && day.minute == 0 && day.second == 0
        if startsADay, day.month == 7, day.day == 1, passed(.dspt, in: report) {
            let year = UKMonth(containing: at).year
            return Lapse(at: at, reason: .dsptDeadline, detail: "the DSPT assessment is current only until the 30 June \(year) deadline")
        }
        if startsADay, passed(.igTraining, in: report) {
            let users = findings(.trainingExpiringSoon, in: report).compactMap(\.location)
            let detail = users.isEmpty
                ? "staff training expires (the share of trained staff or an LCR user's training)"
                : "LCR users' training expires (\(users.prefix(3).joined(separator: ", "))\(users.count > 3 ? ", …" : ""))"
            return Lapse(at: at, reason: .training, detail: detail)
        }
        return Lapse(at: at, reason: .unknown, detail: "the report does not say which fact lapses then")
    }

    /// `notAfter` of an HSCN certificate as its `certificate.details` finding states it (`… valid FROM to UNTIL; …`).
    static func hscnValidUntil(_ finding: Finding) -> Date? {
        guard finding.code == .certificateDetails, let range = finding.message.range(of: " to ", options: .backwards) else { return nil }
        let rest = finding.message[range.upperBound...]
        return ISOInstant.parse(String(rest.prefix { $0 != ";" }))
    }

    private static func certificate(expiringAt at: Date, in report: VerificationReport) -> String? {
        if let signer = report.bundle.signer, same(signer.notAfter, at) {
            return "the certificate of the manifest's signer (\(signer.subject)) expires"
        }
        if let file = report.evidence.first(where: { $0.signer.map { same($0.notAfter, at) } ?? false }), let signer = file.signer {
            return "the certificate that signed \(file.path) (\(signer.subject)) expires"
        }
        if let finding = findings(.certificateDetails, in: report).first(where: { hscnValidUntil($0).map { same($0, at) } ?? false }) {
            let place = [finding.evidence, finding.location].compactMap { $0 }.joined(separator: ", ")
            return "the HSCN certificate expires" + (place.isEmpty ? "" : " (\(place))")
        }
        return nil
    }

    private static func passed(_ id: PrerequisiteID, in report: VerificationReport) -> Bool {
        report.prerequisites.contains { $0.id == id && $0.status != .fail }
    }

    private static func findings(_ code: FindingCode, in report: VerificationReport) -> [Finding] {
        report.prerequisites.flatMap(\.findings).filter { $0.code == code }
    }

    /// Report instants are whole seconds; two readings of one instant agree within half of one.
    private static func same(_ left: Date, _ right: Date) -> Bool {
        abs(left.timeIntervalSince(right)) < 0.5
    }
}
