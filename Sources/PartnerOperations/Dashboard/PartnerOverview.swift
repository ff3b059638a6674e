import EvidenceVerifier
import Foundation
import PartnerRegistry

/// One partner as the dashboard shows it: the registry's record, its latest verification and signed
/// report (with the state of that report's signature), the steering group's last decision, the waivers
/// open at the as-of instant, and when and why its verdict lapses.
public struct PartnerOverview: Sendable {
    /// The latest signed report, as far as it could be read.
    public enum LatestReport: Sendable {
        /// No verification is recorded yet.
        case none
        /// `path` is relative to the data folder; `signature` is the verdict on its bytes.
        case loaded(VerificationReport, path: String, signature: ReportSignatureCheck)
        /// The recorded report cannot be used; `problem` says why.
        case unreadable(path: String, problem: String)
    }

    public let partner: Partner
    public let latest: Verification?
    public let report: LatestReport
    public let lastDecision: PartnerDecision?
    public let openWaivers: [Waiver]
    public let lapse: Lapse?
    public let urgency: LapseUrgency?

    public init(
        partner: Partner, latest: Verification?, report: LatestReport, lastDecision: PartnerDecision?,
        openWaivers: [Waiver], lapse: Lapse?, urgency: LapseUrgency?
    ) {
        self.partner = partner
        self.latest = latest
        self.report = report
        self.lastDecision = lastDecision
        self.openWaivers = openWaivers
        self.lapse = lapse
        self.urgency = urgency
    }

    /// The decision of the latest verification, with any waiver it relied on.
    public var standing: VerificationStanding? { latest.map(VerificationStanding.init) }
}

/// Where one verification left a partner: eligible, eligible only because a waiver accepted a
/// finding, or not eligible.
public enum VerificationStanding: String, CaseIterable, Sendable {
    case eligible
    case waived
    case notEligible = "not-eligible"

    public init(_ verification: Verification) {
        switch verification.decision {
        case .notEligible: self = .notEligible
        case .eligible: self = verification.findings.contains(where: \.waived) ? .waived : .eligible
        }
    }

    /// A symbol and words, never colour alone.
    public var symbol: String {
        switch self {
        case .eligible: "✔"
        case .waived: "◆"
        case .notEligible: "✖"
        }
    }

    public var words: String {
        switch self {
        case .eligible: "ELIGIBLE"
        case .waived: "ELIGIBLE WITH WAIVER"
        case .notEligible: "NOT ELIGIBLE"
        }
    }

    public var tone: ReportStyle.Tone {
        switch self {
        case .eligible: .good
        case .waived: .caution
        case .notEligible: .bad
        }
    }
}
