import ArgumentParser
import EvidenceVerifier
import Foundation

/// `lcr-verify report …`: work with signed verification reports.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Verify or render a signed verification report.",
        subcommands: [Verify.self, Render.self, Diff.self])

    /// `lcr-verify report verify REPORT.json`: checks the detached signature and its chain.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a report's detached signature (REPORT.json.p7s) against DIR/report-signing anchors.")

        @Argument(help: "The report; its signature REPORT.json.p7s must sit beside it.")
        var report: String

        @OptionGroup var trust: TrustOption
        @OptionGroup var asOf: AsOfOption

        func run() async throws {
            let anchors = try trust.anchors(.reportSigning)
            let files = try SignedReportFiles(reportPath: report)
            switch ReportSignatureVerifier(anchors: anchors).verify(files, at: asOf.instant()) {
            case .valid(let signer, _):
                try Console.output(TerminalText.escaped("valid: \(report) is signed by \(signer.subject) (issuer \(signer.issuer))") + "\n")
            case .invalid(let failure, let reason, _):
                try Console.output(TerminalText.escaped("INVALID (\(failure.code)): \(report).p7s \(reason)") + "\n")
                throw ExitCode(1)
            }
        }
    }

    /// `lcr-verify report render REPORT.json --format html|markdown|text [--trust DIR]`: a readable report
    /// for a meeting that says plainly whether its signature was checked.
    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render a report as a page for a steering-group meeting (html, markdown or text) on stdout.",
            discussion: """
                The page opens with the state of the report's signature and the decision in words \
                ("ELIGIBLE: may use the Leeds Care Record" / "NOT ELIGIBLE: …, N prerequisites failed"), then \
                the key facts, each prerequisite's status as a symbol and a word, its findings worst first with \
                where they are and what the applicant must do next, any waivers (who approved them, until \
                when), the evidence inventory, the endpoints probed and the report's details. The html page is \
                one self-contained file (no scripts, nothing loaded from elsewhere) that prints on A4.

                With --trust DIR, the report's detached signature (REPORT.json.p7s) is checked against \
                DIR/report-signing anchors over the exact bytes rendered: the rendering opens with "Report \
                signature valid, signed by …", or with "Report signature NOT VALID: …" and the command exits 1. \
                Without --trust, it opens with "Report signature not checked".
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case html, markdown, text
        }

        @Argument(help: "The report JSON.")
        var report: String

        @Option(help: "html, markdown or text.")
        var format: Format = .text

        @Option(help: ArgumentHelp("Check the report's signature against DIR/report-signing/*.pem anchors.", valueName: "DIR"))
        var trust: String?

        @Option(name: .customLong("as-of"), help: "With --trust, the instant at which the signer's certificate must be valid (default: now).",
                transform: AsOfArgument.parse)
        var asOf: Date?

        func validate() throws {
            if asOf != nil, trust == nil { throw ValidationError("--as-of needs --trust: it is the instant the signature is checked at") }
        }

        func run() async throws {
            let json: Data
            let signature: ReportSignatureCheck
            if let trust {
                let anchors = try TrustAnchors.load(.reportSigning, from: URL(fileURLWithPath: trust, isDirectory: true))
                let files = try SignedReportFiles(reportPath: report)
                json = files.json
                signature = ReportSignatureCheck(ReportSignatureVerifier(anchors: anchors).verify(files, at: asOf ?? Date()))
            } else {
                json = try SignedReportFiles.readReport(report)
                signature = .notChecked
            }
            let decoded = try ReportCoding.decode(json, file: report)
            switch format {
            case .html: try Console.output(ReportDocumentRenderer.html(decoded, signature: signature))
            case .markdown: try Console.output(ReportDocumentRenderer.markdown(decoded, signature: signature))
            case .text: try Console.output(ReportTextRenderer.render(decoded, signature: signature))
            }
            if case .notValid = signature { throw ExitCode(1) }
        }
    }
}
