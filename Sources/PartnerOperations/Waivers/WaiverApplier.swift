import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Applies the steering group's waivers to a report before its decision is taken: an `error` finding
/// whose code a waiver applying at the report's as-of instant accepts becomes a `warning` that carries
/// the waiver; each prerequisite's status and the decision are then recomputed. Findings of
/// `evidence-integrity` are never waived: a bundle whose integrity fails proves nothing to accept.
public enum WaiverApplier {
    public static func apply(_ waivers: [Waiver], to report: VerificationReport) -> VerificationReport {
        let applying = waivers.filter { $0.applies(at: report.asOf) }
        guard !applying.isEmpty else { return report }
        var report = report
        report.prerequisites = report.prerequisites.map { prerequisite in
            guard prerequisite.id != .evidenceIntegrity else { return prerequisite }
            let findings = prerequisite.findings.map { finding in
                guard finding.severity == .error,
                    let waiver = applying.first(where: { $0.findingCode == finding.code.rawValue })
                else { return finding }
                var waived = finding
                waived.severity = .warning
                waived.waiver = FindingWaiver(
                    until: waiver.until, reason: waiver.reason, approvedBy: waiver.approvedBy, approvedAt: waiver.approvedAt)
                return waived
            }
            return PrerequisiteResult(id: prerequisite.id, summary: prerequisite.summary, findings: findings)
        }
        report.decision = report.prerequisites.contains { $0.status == .fail } ? .notEligible : .eligible
        return report
    }
}
