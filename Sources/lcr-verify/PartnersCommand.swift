import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

/// `lcr-verify partners …`: the registry of partners as the steering group sees it.
struct PartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "List partners and applicants, show one, its history, and record the steering group's decisions.",
        subcommands: [List.self, Show.self, History.self, Approve.self, Suspend.self, Withdraw.self, Waive.self, RevokeWaiver.self])

    /// `partners list`: one line per partner.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every partner and applicant with status, access and latest decision.")

        @OptionGroup var data: DataDirectoryOptions
        @Option(help: "text (a table) or json.") var format: OutputFormat = .text

        func run() async throws {
            let registry = try data.openRegistry()
            let rows = try RegistryFailure.mapped {
                let latest = try registry.latestVerifications()
                return try registry.partners().map { PartnerSummary(partner: $0, latest: latest[$0.odsCode]) }
            }
            switch format {
            case .json: try Console.json(rows)
            case .text: try Console.output(PartnerSummary.table(rows))
            }
        }
    }

    /// `partners show ODS`: a partner's record, latest verification and waivers.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One partner: status, access, ISA, latest verification, waivers.")

        @Argument(help: "The partner's ODS code.") var odsCode: String
        @OptionGroup var data: DataDirectoryOptions
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() async throws {
            let registry = try data.openRegistry()
            let detail = try RegistryFailure.mapped { try PartnerDetail.load(odsCode.uppercased(), from: registry) }
            switch format {
            case .json: try Console.json(detail)
            case .text: try Console.output(detail.text)
            }
        }
    }

    /// `partners history ODS`: submissions, verifications (with what changed) and decisions, oldest first;
    /// `--format html` adds a timeline of the verifications.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What happened to a partner: submissions, verifications and decisions, oldest first.",
            discussion: """
                --format html writes one self-contained page (no script, nothing loaded from elsewhere) with the \
                partner's record, a timeline of its verifications (eligible, eligible with a waiver, not eligible) and \
                every event; --out FILE writes any format to FILE whole (a temporary file renamed into place) instead of stdout.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, html
        }

        @Argument(help: "The partner's ODS code.") var odsCode: String
        @OptionGroup var data: DataDirectoryOptions
        @Option(help: "text, json or html.") var format: Format = .text
        @Option(help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE")) var out: String?

        func run() async throws {
            let registry = try data.openRegistry()
            let code = odsCode.uppercased()
            let output: String = try RegistryFailure.mapped {
                switch format {
                case .html:
                    return try PartnerHistoryPage.html(odsCode: code, in: registry)
                case .json:
                    let events = try PartnerHistory.events(of: code, in: registry)
                    return String(decoding: try ReportCoding.encoder.encode(events), as: UTF8.self) + "\n"
                case .text:
                    let events = try PartnerHistory.events(of: code, in: registry)
                    return events.map { "\(ISOInstant.string($0.at))  \(TerminalText.escaped($0.summary))\n" }.joined()
                }
            }
            if let out {
                try PageFile.write(output, to: URL(fileURLWithPath: out))
            } else {
                try Console.output(output)
            }
        }
    }
}
