import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations

/// `lcr-verify submit BUNDLE`: stores the bundle in the evidence store, records the organisation and the
/// submission, verifies the stored copy and files its signed report in the data folder.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Store a bundle (a folder or a .zip) in the evidence store, record it and verify the stored copy.",
        discussion: """
            A folder is packed into a deterministic zip first; identical bytes are the same submission. While the \
            policy's intake.acceptingNewApplications is false, an organisation that is not already a partner is refused.
            """)

    @Argument(help: "The evidence bundle: a folder with manifest.json at its root, or a .zip of one.")
    var bundle: String

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var signing: ReportSigningOptions

    @Option(help: "What to print: text (a readable summary) or json (the report itself).")
    var format: OutputFormat = .text

    func run() async throws {
        let asOf = verification.instant()
        let policy = try verification.effectivePolicy()
        let settings = try verification.settings(signing: signing, policy: policy)
        let registry = try data.openRegistry()
        let outcome = try await RegistryFailure.mapped {
            try await SubmissionIntake(registry: registry, settings: settings)
                .submit(URL(fileURLWithPath: bundle), asOf: asOf, receivedAt: Date())
        }
        let report = outcome.verified.report
        switch format {
        case .json:
            try Console.output(outcome.verified.json + Data("\n".utf8))
        case .text:
            let submission = outcome.recorded.submission
            try Console.output("""
                \(submission.odsCode): submission \(submission.id ?? 0) \(outcome.recorded.isNew ? "recorded" : "already recorded (same bytes)"), \
                stored as \(submission.storedPath)
                signed report: \(outcome.recorded.verification?.reportPath ?? "")

                """)
            try Console.output(ReportTextRenderer.render(report))
        }
        if report.decision != .eligible { throw ExitCode(1) }
    }
}
