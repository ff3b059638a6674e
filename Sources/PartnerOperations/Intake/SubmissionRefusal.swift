import EvidenceVerifier

/// A bundle `submit` (or the intake service) refuses for who sent it rather than for what it holds:
/// nothing is stored. `description` is the one line the command line prints for exit 2.
public struct SubmissionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Intake is paused and the organisation is not already a partner (the message is the policy's).
        case intakePaused
        /// The manifest names another organisation than the one the sender speaks for.
        case otherOrganisation
        /// The same bytes were already submitted for another organisation.
        case claimedByAnother
    }

    public let reason: Reason
    /// The bundle, as the sender named it.
    public let subject: String
    public let problem: String

    public init(_ reason: Reason, subject: String, problem: String) {
        self.reason = reason
        self.subject = subject
        self.problem = problem
    }

    public var description: String { "\(subject): \(problem)" }
}
