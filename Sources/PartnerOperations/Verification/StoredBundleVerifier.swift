import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Verifies a bundle kept in the evidence store as of an instant, applies the partner's waivers,
/// signs the report and files it in the data folder's report archive (never overwriting one).
/// It returns the verification ready to record; recording is the caller's (one transaction with
/// whatever else it records).
public struct StoredBundleVerifier: Sendable {
    public let settings: VerificationSettings
    public let archive: ReportArchive

    public init(settings: VerificationSettings, archive: ReportArchive) {
        self.settings = settings
        self.archive = archive
    }

    /// The outcome of one verification: the signed report and the registry row describing it.
    public struct Outcome: Sendable {
        public let report: VerificationReport
        public let json: Data
        public let reportURL: URL
        public let verification: Verification
    }

    /// Verifies `stored` (the zip in the store) for `odsCode`, as of `asOf`. With `flush` false the report
    /// files are not flushed one by one: the caller flushes the file system before recording.
    public func verify(
        stored: URL, submissionId: Int64, odsCode: String, waivers: [Waiver], asOf: Date, recordedAt: Date, flush: Bool = true
    ) async throws -> Outcome {
        let verified = try await settings.verification.verify(stored, asOf: asOf, generatedAt: recordedAt)
        let report = WaiverApplier.apply(waivers, to: verified)
        let json = try ReportCoding.encode(report)
        let signature: Data
        do {
            signature = try settings.signingIdentity.signDetached(json)
        } catch {
            throw InputError("--signing-key", "cannot sign the report (\(error))")
        }
        let published = try archive.publish(json: json, signature: signature, odsCode: odsCode, stamp: ISOInstant.fileStamp(asOf), flush: flush)
        let verification = Verification(
            submissionId: submissionId, odsCode: odsCode, asOf: asOf,
            level: settings.verification.probeEndpoints ? .live : .offline,
            decision: report.decision == .eligible ? .eligible : .notEligible,
            prerequisites: report.prerequisites.map { PrerequisiteOutcome(id: $0.id.rawValue, status: $0.status.rawValue) },
            findings: RecordedFinding.of(report),
            reportSha256: SHA256Digest.hex(of: json), reportPath: published.relativePath, reverifyBy: report.reverifyBy,
            recordedAt: recordedAt)
        return Outcome(report: report, json: json, reportURL: published.url, verification: verification)
    }
}
