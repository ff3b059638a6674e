import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations

extension ReportCommand {
    /// `lcr-verify report diff OLD.json NEW.json`: what changed between two verifications.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two reports: decision, statuses, findings added and removed, reverifyBy (exit 1 on a regression).",
            discussion: "It compares what the files say; check each with `report verify` first when their origin matters.")

        @Argument(help: "The earlier report.") var old: String
        @Argument(help: "The later report.") var new: String
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() async throws {
            let comparison = ReportComparison(old: try Self.load(old), new: try Self.load(new))
            switch format {
            case .json: try Console.json(comparison)
            case .text:
                // Codes and instants come from the two files, which this command does not authenticate.
                try Console.output(comparison.text.split(separator: "\n").map { TerminalText.escaped(String($0)) + "\n" }.joined())
            }
            if comparison.regression { throw ExitCode(1) }
        }

        static func load(_ path: String) throws -> VerificationReport {
            try ReportCoding.decode(try SignedReportFiles.readReport(path), file: path)
        }
    }
}
