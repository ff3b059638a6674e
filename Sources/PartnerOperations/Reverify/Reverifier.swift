import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Re-verifies partners' latest submissions from the evidence store as of one instant, in one process.
///
/// Each stored zip is first checked against the SHA-256 it is named by, then verified with the waivers
/// that apply and its signed report filed. Partners go in batches: within a batch several are in flight
/// at once (`concurrency`, so probes and disk writes overlap); then the file system is flushed once and
/// the batch's verifications are recorded in one transaction. A run killed half-way therefore leaves
/// every recorded row pointing at a whole report on disk (at worst some reports of the last batch are
/// filed but not recorded, and the next run records its own).
public struct Reverifier: Sendable {
    public let registry: PartnerRegistry
    public let verifier: StoredBundleVerifier
    public let concurrency: Int
    public let batchSize: Int

    /// `concurrency` defaults to 8 when endpoints are probed (probes mostly wait on the network) and to the
    /// number of processors when not (the work is then computation).
    public init(registry: PartnerRegistry, settings: VerificationSettings, concurrency: Int? = nil, batchSize: Int = 64) {
        self.registry = registry
        self.verifier = StoredBundleVerifier(settings: settings, archive: registry.reportArchive)
        let fallback = settings.verification.probeEndpoints ? 8 : ProcessInfo.processInfo.activeProcessorCount
        self.concurrency = max(1, concurrency ?? fallback)
        self.batchSize = max(1, batchSize)
    }

    /// Re-verifies `partners` (results in the same order); `progress` is called with the number verified so far.
    public func run(
        _ partners: [Partner], asOf: Date, noticeDays: Int, recordedAt: @escaping @Sendable () -> Date,
        progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async -> [PartnerReverification] {
        var results: [PartnerReverification] = []
        results.reserveCapacity(partners.count)
        for start in stride(from: 0, to: partners.count, by: batchSize) {
            let batch = Array(partners[start..<min(start + batchSize, partners.count)])
            let prepared = await verifyConcurrently(batch, asOf: asOf, recordedAt: recordedAt) { progress(start + $0) }
            results += record(prepared, asOf: asOf, noticeDays: noticeDays)
        }
        return results
    }

    /// One partner verified and its report filed, not yet recorded.
    private struct Prepared: Sendable {
        var line: PartnerReverification
        var previous: Verification?
        var verification: Verification?
    }

    private func verifyConcurrently(
        _ batch: [Partner], asOf: Date, recordedAt: @escaping @Sendable () -> Date, progress: @escaping @Sendable (Int) -> Void
    ) async -> [Prepared] {
        var prepared = [Prepared?](repeating: nil, count: batch.count)
        await withTaskGroup(of: (Int, Prepared).self) { group in
            var next = 0
            var done = 0
            func launch() {
                guard next < batch.count else { return }
                let index = next
                let partner = batch[index]
                next += 1
                group.addTask { (index, await prepare(partner, asOf: asOf, recordedAt: recordedAt())) }
            }
            for _ in 0..<concurrency { launch() }
            while let (index, result) = await group.next() {
                prepared[index] = result
                done += 1
                progress(done)
                launch()
            }
        }
        return prepared.compactMap { $0 }
    }

    private func prepare(_ partner: Partner, asOf: Date, recordedAt: Date) async -> Prepared {
        var prepared = Prepared(
            line: PartnerReverification(
                odsCode: partner.odsCode, name: partner.name, previousDecision: nil, decision: nil, changes: FindingChanges(),
                reverifyBy: nil, lapsesSoon: false, report: nil, error: nil),
            previous: nil, verification: nil)
        do {
            prepared.previous = try registry.latestVerification(odsCode: partner.odsCode)
            prepared.line.previousDecision = prepared.previous?.decision.rawValue
            guard let submission = try registry.latestSubmission(odsCode: partner.odsCode), let submissionId = submission.id else {
                prepared.line.error = "no submission to re-verify"
                return prepared
            }
            let stored = registry.dataDirectory.root.appendingPathComponent(submission.storedPath)
            let measured = try SHA256Digest.ofFile(at: stored, maximumBytes: registry.evidenceStore.maximumBytes)
            guard measured.sha256 == submission.bundleSha256 else {
                prepared.line.error = "\(submission.storedPath) no longer has the SHA-256 it was stored under; the evidence store is damaged"
                return prepared
            }
            let outcome = try await verifier.verify(
                stored: stored, submissionId: submissionId, odsCode: partner.odsCode,
                waivers: try registry.waivers(odsCode: partner.odsCode, applyingAt: asOf), asOf: asOf, recordedAt: recordedAt,
                flush: false)
            prepared.verification = outcome.verification
        } catch {
            prepared.line.error = "\(error)"
        }
        return prepared
    }

    /// Flushes the batch's reports to disk, then records its verifications in one transaction.
    private func record(_ batch: [Prepared], asOf: Date, noticeDays: Int) -> [PartnerReverification] {
        let pending = batch.compactMap(\.verification)
        var recorded: [Verification] = []
        var failure: String?
        if !pending.isEmpty {
            do {
                try registry.dataDirectory.flushFileSystem()
                recorded = try registry.recordVerifications(pending)
            } catch {
                failure = "\(error)"
            }
        }
        var iterator = recorded.makeIterator()
        let horizon = asOf.addingTimeInterval(TimeInterval(noticeDays) * 86_400)
        return batch.map { prepared in
            var line = prepared.line
            guard prepared.verification != nil else { return line }
            guard failure == nil, let verification = iterator.next() else {
                line.error = "the verification could not be recorded (\(failure ?? "unknown"))"
                return line
            }
            line.decision = verification.decision.rawValue
            line.changes = FindingChanges(from: prepared.previous?.findings ?? [], to: verification.findings)
            line.reverifyBy = verification.reverifyBy
            line.lapsesSoon = verification.reverifyBy.map { $0 <= horizon } ?? false
            line.report = verification.reportPath
            return line
        }
    }
}
