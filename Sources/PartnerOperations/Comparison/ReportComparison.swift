import EvidenceVerifier
import Foundation
import PartnerRegistry

/// What changed between two verification reports: decision, each prerequisite's status, findings
/// added, removed or newly waived, and `reverifyBy`. A regression is a decision that is no longer
/// eligible or a prerequisite that now fails.
public struct ReportComparison: Sendable, Equatable, Codable {
    /// One prerequisite whose status changed.
    public struct StatusChange: Sendable, Equatable, Codable {
        public var id: String
        public var from: String?
        public var to: String?
    }

    public var odsCodes: [String]
    public var asOf: [Date]
    public var decision: [String]
    public var statuses: [StatusChange]
    public var findings: FindingChanges
    public var reverifyBy: [Date?]
    public var regression: Bool

    public init(old: VerificationReport, new: VerificationReport) {
        odsCodes = [old.organisation.odsCode, new.organisation.odsCode]
        asOf = [old.asOf, new.asOf]
        decision = [old.decision.rawValue, new.decision.rawValue]
        let before = Dictionary(old.prerequisites.map { ($0.id.rawValue, $0.status.rawValue) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.prerequisites.map { ($0.id.rawValue, $0.status.rawValue) }, uniquingKeysWith: { first, _ in first })
        let ids = (old.prerequisites + new.prerequisites).map(\.id.rawValue)
        statuses = ids.enumerated().filter { index, id in ids.firstIndex(of: id) == index && before[id] != after[id] }
            .map { StatusChange(id: $0.element, from: before[$0.element], to: after[$0.element]) }
        findings = FindingChanges(from: RecordedFinding.of(old), to: RecordedFinding.of(new))
        reverifyBy = [old.reverifyBy, new.reverifyBy]
        regression = (old.decision == .eligible && new.decision != .eligible) || statuses.contains { $0.to == "fail" }
    }

    public var text: String {
        var lines: [String] = []
        if odsCodes[0] != odsCodes[1] { lines.append("organisation: \(odsCodes[0]) → \(odsCodes[1]) (different organisations)") }
        lines.append("as of: \(ISOInstant.string(asOf[0])) → \(ISOInstant.string(asOf[1]))")
        lines.append("decision: \(decision[0]) → \(decision[1])\(regression ? "  (regression)" : "")")
        for change in statuses { lines.append("\(change.id): \(change.from ?? "-") → \(change.to ?? "-")") }
        for (label, list) in [("added", findings.added), ("removed", findings.removed), ("now waived", findings.nowWaived), ("no longer waived", findings.noLongerWaived)] where !list.isEmpty {
            lines.append("\(label): \(list.joined(separator: ", "))")
        }
        if reverifyBy[0] != reverifyBy[1] {
            lines.append("reverifyBy: \(reverifyBy[0].map(ISOInstant.string) ?? "-") → \(reverifyBy[1].map(ISOInstant.string) ?? "-")")
        }
        if statuses.isEmpty && findings.isEmpty && decision[0] == decision[1] { lines.append("no change in decision, statuses or findings") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension RecordedFinding {
    /// The findings of a report that matter for a comparison: warnings and errors (not info).
    public static func of(_ report: VerificationReport) -> [RecordedFinding] {
        report.prerequisites.flatMap { prerequisite in
            prerequisite.findings.filter { $0.severity != .info }.map {
                RecordedFinding(prerequisite: prerequisite.id.rawValue, code: $0.code.rawValue, severity: $0.severity.rawValue, waived: $0.waiver != nil)
            }
        }
    }
}
