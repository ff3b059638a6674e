/// What `PartnerRegistry.recordSubmission` recorded: the submission (new, or the existing one with the
/// same bytes) and the verification recorded with it.
public struct RecordedSubmission: Sendable, Equatable {
    public let submission: Submission
    public let isNew: Bool
    public let verification: Verification?
}
