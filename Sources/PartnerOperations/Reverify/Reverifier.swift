import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Re-verifies partners' latest submissions from the evidence store as of one instant, in one process:
/// each stored zip is first checked against the SHA-256 it is named by, then verified with the waivers
/// that apply, its signed report filed, and the verification recorded (one row, one transaction, after
/// the report is whole), so a run killed half-way leaves every recorded row consistent. Several partners
/// are in flight at once (`concurrency`), so disk flushes and probes overlap.
public struct Reverifier: Sendable {
    public let registry: PartnerRegistry
    public let verifier: StoredBundleVerifier
    public let concurrency: Int

    public init(registry: PartnerRegistry, settings: VerificationSettings, concurrency: Int = 8) {
        self.registry = registry
        self.verifier = StoredBundleVerifier(settings: settings, archive: registry.reportArchive)
        self.concurrency = max(1, concurrency)
    }

    /// Re-verifies `partners` (results in the same order); `progress` is called with the number done.
    public func run(
        _ partners: [Partner], asOf: Date, noticeDays: Int, recordedAt: @escaping @Sendable () -> Date,
        progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async -> [PartnerReverification] {
        var results = [PartnerReverification?](repeating: nil, count: partners.count)
        await withTaskGroup(of: (Int, PartnerReverification).self) { group in
            var next = 0
            var done = 0
            func launch() {
                guard next < partners.count else { return }
                let index = next
                let partner = partners[index]
                next += 1
                group.addTask { (index, await reverify(partner, asOf: asOf, noticeDays: noticeDays, recordedAt: recordedAt())) }
            }
            for _ in 0..<concurrency { launch() }
            while let (index, result) = await group.next() {
                results[index] = result
                done += 1
                progress(done)
                launch()
            }
        }
        return results.compactMap { $0 }
    }

    private func reverify(_ partner: Partner, asOf: Date, noticeDays: Int, recordedAt: Date) async -> PartnerReverification {
        var line = PartnerReverification(
            odsCode: partner.odsCode, name: partner.name, previousDecision: nil, decision: nil,
            changes: FindingChanges(), reverifyBy: nil, lapsesSoon: false, report: nil, error: nil)
        do {
            let previous = try registry.latestVerification(odsCode: partner.odsCode)
            line.previousDecision = previous?.decision.rawValue
            guard let submission = try registry.latestSubmission(odsCode: partner.odsCode), let submissionId = submission.id else {
                line.error = "no submission to re-verify"
                return line
            }
            let stored = registry.dataDirectory.root.appendingPathComponent(submission.storedPath)
            let measured = try SHA256Digest.ofFile(at: stored, maximumBytes: registry.evidenceStore.maximumBytes)
            guard measured.sha256 == submission.bundleSha256 else {
                line.error = "\(submission.storedPath) no longer has the SHA-256 it was stored under; the evidence store is damaged"
                return line
            }
            let outcome = try await verifier.verify(
                stored: stored, submissionId: submissionId, odsCode: partner.odsCode,
                waivers: try registry.waivers(odsCode: partner.odsCode, applyingAt: asOf), asOf: asOf, recordedAt: recordedAt)
            let recorded = try registry.recordVerification(outcome.verification)
            line.decision = recorded.decision.rawValue
            line.changes = FindingChanges(from: previous?.findings ?? [], to: recorded.findings)
            line.reverifyBy = recorded.reverifyBy
            line.lapsesSoon = recorded.reverifyBy.map { $0 <= asOf.addingTimeInterval(TimeInterval(noticeDays) * 86_400) } ?? false
            line.report = recorded.reportPath
        } catch {
            line.error = "\(error)"
        }
        return line
    }
}
