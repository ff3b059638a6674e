import ArgumentParser
import EvidenceVerifier
import Foundation

/// `lcr-verify report …`: work with signed verification reports.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Verify or render a signed verification report.",
        subcommands: [Verify.self, Render.self])

    /// `lcr-verify report verify REPORT.json`: checks the detached signature and its chain.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a report's detached signature (REPORT.json.p7s) against DIR/report-signing anchors.")

        @Argument(help: "The report; its signature REPORT.json.p7s must sit beside it.")
        var report: String

        @Option(help: "Trust anchors; report signatures chain to DIR/report-signing/*.pem.")
        var trust: String = "certs"

        @Option(name: .customLong("as-of"), help: "The instant at which the signer's certificate must be valid (default: now).")
        var asOf: String?

        func validate() throws {
            if let asOf, ISOInstant.parse(asOf) == nil {
                throw ValidationError("--as-of: \"\(asOf)\" is not an ISO 8601 instant")
            }
        }

        func run() async throws {
            let anchors = try TrustAnchors.load(.reportSigning, from: URL(fileURLWithPath: trust, isDirectory: true))
            let instant = asOf.flatMap(ISOInstant.parse) ?? Date()
            let reportURL = URL(fileURLWithPath: report)
            switch try ReportSignatureVerifier(anchors: anchors).verify(reportAt: reportURL, at: instant) {
            case .valid(let signer, _):
                Console.output("valid: \(report) is signed by \(signer.subject) (issuer \(signer.issuer))\n")
            case .invalid(let failure, let reason, _):
                Console.output("INVALID (\(failure.code)): \(report).p7s \(reason)\n")
                throw ExitCode(1)
            }
        }
    }

    /// `lcr-verify report render REPORT.json --format html|markdown|text`: a readable report for a meeting.
    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Render a report as html, markdown or text on stdout.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case html, markdown, text
        }

        @Argument(help: "The report JSON.")
        var report: String

        @Option(help: "html, markdown or text.")
        var format: Format = .text

        func run() async throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: report)) } catch {
                throw InputError(report, "cannot be read")
            }
            let decoded = try ReportCoding.decode(data, file: report)
            switch format {
            case .html: Console.output(ReportDocumentRenderer.html(decoded))
            case .markdown: Console.output(ReportDocumentRenderer.markdown(decoded))
            case .text: Console.output(ReportTextRenderer.render(decoded))
            }
        }
    }
}
