import ArgumentParser
import EvidenceVerifier
import Foundation

/// `lcr-verify check BUNDLE`: verifies a bundle and prints a summary; with `--report-out`, writes a signed report.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify an evidence bundle (a folder or a .zip) and print a summary.")

    @Argument(help: "The evidence bundle: a folder with manifest.json at its root, or a .zip of one.")
    var bundle: String

    @OptionGroup var verification: VerificationOptions
    @OptionGroup var references: ReferenceListOptions
    @OptionGroup var signing: SigningOptions

    @Option(help: "What to print: text (a readable summary) or json (the report itself).")
    var format: OutputFormat = .text

    func run() async throws {
        let asOf = verification.instant()
        let policy = try verification.effectivePolicy()
        let writer = try signing.writer()
        let report = try await verification.bundleVerification(policy: policy, references: try references.lists())
            .verify(URL(fileURLWithPath: bundle), asOf: asOf, generatedAt: Date())
        let json = try ReportCoding.encode(report)
        if let (writer, directory) = writer {
            let written = try writer.write(report, json: json, to: directory)
            if format == .text { Console.error("report written to \(written.path)") }
        }
        switch format {
        case .json: try Console.output(json + Data("\n".utf8))
        case .text: try Console.output(ReportTextRenderer.render(report))
        }
        if report.decision != .eligible { throw ExitCode(1) }
    }
}
