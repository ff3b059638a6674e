import EvidenceVerifier
import Foundation
import PartnerRegistry

/// A partner's history as one list, oldest first: each submission, each verification (with the
/// decision and the findings added and removed since the one before), and each decision of the
/// steering group.
public enum PartnerHistory {
    /// One thing that happened.
    public struct Event: Sendable, Equatable, Codable {
        public var at: Date
        /// `submission`, `verification` or the decision's action (`approved`, `suspended`, `waived`, …).
        public var kind: String
        public var summary: String
        public var decision: String?
        public var changes: FindingChanges?
        public var report: String?
        public var by: String?
    }

    public static func events(of odsCode: String, in registry: PartnerRegistry) throws -> [Event] {
        guard try registry.partner(odsCode) != nil else { throw RegistryError.unknownPartner(odsCode: odsCode) }
        var events: [(Event, Int)] = []
        let verifications = try registry.verifications(odsCode: odsCode)
        var previous: [RecordedFinding] = []
        var previousDecision: String?
        for verification in verifications {
            let changes = FindingChanges(from: previous, to: verification.findings)
            let decision = verification.decision.rawValue
            let transition = previousDecision.map { "\($0) → \(decision)" } ?? decision
            let summary = "verification as of \(ISOInstant.string(verification.asOf)) (\(verification.level.rawValue)): \(transition)"
                + (changes.isEmpty ? "" : "; " + changes.text)
            events.append((Event(
                at: verification.recordedAt, kind: "verification", summary: summary, decision: decision, changes: changes,
                report: verification.reportPath, by: nil), 1))
            previous = verification.findings
            previousDecision = decision
        }
        for decision in try registry.decisions(odsCode: odsCode) {
            let status = decision.toStatus.map { " (\(decision.fromStatus?.rawValue ?? "?") → \($0.rawValue))" } ?? ""
            events.append((Event(
                at: decision.at, kind: decision.action.rawValue, summary: "\(decision.action.rawValue)\(status) by \(decision.by): \(decision.reason)",
                decision: nil, changes: nil, report: nil, by: decision.by), 2))
        }
        for submission in try registry.submissions(odsCode: odsCode) {
            events.append((Event(
                at: submission.receivedAt, kind: "submission",
                summary: "submission \(submission.id ?? 0): \(submission.bytes) bytes, SHA-256 \(submission.bundleSha256.prefix(12))…",
                decision: nil, changes: nil, report: submission.storedPath, by: nil), 0))
        }
        // Stable: by time, then submissions before their verification before decisions.
        return events.enumerated().sorted { left, right in
            (left.element.0.at, left.element.1, left.offset) < (right.element.0.at, right.element.1, right.offset)
        }.map(\.element.0)
    }
}
