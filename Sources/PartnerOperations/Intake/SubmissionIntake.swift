import EvidenceVerifier
import Foundation
import PartnerRegistry

/// `submit`: brings a bundle into the evidence store, records the organisation and the submission, and
/// verifies THE STORED COPY (never the applicant's folder), recording the verification with it.
///
/// Every submission is cross-checked against the latest reference lists imported into the data folder
/// at that moment (`reference import`), so a service picks up a new list without restarting.
///
/// Order, so that a refusal stores nothing and a killed run leaves nothing half-recorded: read the
/// imported reference lists → stage a
/// private copy (hashed while copied) → read its manifest for the organisation → refuse a new
/// organisation while intake is paused → keep the copy in the store → verify the stored copy, sign and
/// file the report → record partner, submission and verification in one transaction.
public struct SubmissionIntake: Sendable {
    public let registry: PartnerRegistry
    public let verifier: StoredBundleVerifier

    public init(registry: PartnerRegistry, settings: VerificationSettings) {
        self.registry = registry
        self.verifier = StoredBundleVerifier(settings: settings, archive: registry.reportArchive)
    }

    /// What a submission gave.
    public struct Outcome: Sendable {
        public let recorded: RecordedSubmission
        public let stored: StoredEvidence
        public let verified: StoredBundleVerifier.Outcome
    }

    /// Submits `bundle` (named `name` in errors, the path by default). With `onlyFor`, a manifest naming another
    /// organisation is refused (`SubmissionRefusal.otherOrganisation`) before anything is stored.
    public func submit(
        _ bundle: URL, named name: String? = nil, onlyFor permitted: String? = nil, asOf: Date, receivedAt: Date
    ) async throws -> Outcome {
        let name = name ?? bundle.path
        // The reference lists as imported now (read before anything is stored, so an unusable one stores nothing).
        let verifier = StoredBundleVerifier(
            settings: try self.verifier.settings.withLatestReferences(in: registry), archive: self.verifier.archive)
        let store = registry.evidenceStore
        store.removeAbandonedStaging(now: receivedAt)
        let staged = try BundleStager(store: store).stage(bundle, named: name)
        let organisation = try organisation(of: staged, named: name)
        let odsCode = organisation.odsCode.uppercased()
        if let permitted, permitted.uppercased() != odsCode {
            throw SubmissionRefusal(
                .otherOrganisation, subject: name, problem: "the manifest names \(odsCode), but the token is for \(permitted.uppercased()); refused")
        }
        if !verifier.settings.policy.intake.acceptingNewApplications {
            let status = try registry.partner(odsCode)?.status
            guard status == .approved || status == .suspended else {
                throw SubmissionRefusal(.intakePaused, subject: name, problem: "\(odsCode): \(verifier.settings.policy.intake.pausedMessage)")
            }
        }
        if let existing = try registry.submission(sha256: staged.sha256), existing.odsCode != odsCode {
            throw SubmissionRefusal(
                .claimedByAnother, subject: name, problem: "the same bytes were submitted for \(existing.odsCode), not \(odsCode); refused")
        }
        let stored = try store.keep(staged)
        let previous = try registry.submission(sha256: stored.sha256)
        let verified = try await verifier.verify(
            stored: stored.url, submissionId: previous?.id ?? 0, odsCode: odsCode,
            waivers: try registry.waivers(odsCode: odsCode, applyingAt: asOf), asOf: asOf, recordedAt: receivedAt)
        let recorded = try registry.recordSubmission(
            odsCode: odsCode, name: organisation.name, evidence: stored, receivedAt: receivedAt, verification: verified.verification)
        return Outcome(recorded: recorded, stored: stored, verified: verified)
    }

    /// The organisation the staged bundle's manifest names; a bundle without a usable manifest is refused
    /// (there is no one to record it for).
    private func organisation(of staged: StagedEvidence, named name: String) throws -> Manifest.Organisation {
        let bundle: EvidenceBundle
        do {
            bundle = try EvidenceBundleReader(limits: verifier.settings.policy.evidence).read(staged.url)
        } catch let error as InputError {
            // The reader names the private copy; the person submitting knows the bundle by its own name.
            throw InputError(name, error.problem)
        }
        switch bundle.manifest {
        case .parsed(let manifest):
            return manifest.organisation
        case .missing:
            throw InputError(name, "has no manifest.json, so there is no organisation to record it for; nothing stored")
        case .invalid(let problem):
            throw InputError(name, "has a manifest that cannot be read (\(problem)); nothing stored")
        }
    }
}
