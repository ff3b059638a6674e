import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

/// `lcr-verify reference import dspt|ods FILE` / `reference list`: the independent reference lists kept
/// in the data folder, which `submit` and `reverify` cross-check every bundle against.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Import and list the independent reference lists (national DSPT list, ODS register files).",
        subcommands: [ImportCommand.self, ListCommand.self])

    /// `reference import dspt|ods FILE`.
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Store a reference list in the data folder: the national DSPT published-status CSV (dspt) or an ODS register file (ods).",
            discussion: """
                The file is checked (a CSV of the expected shape, at most 64 MiB and 500,000 rows), copied to \
                DIR/references/<kind>-<sha256>.csv and recorded with its SHA-256, row count and import time. submit and \
                reverify then use the latest import of the DSPT list, and of each ODS file by name (epraccur, etr, \
                ecarehomesite: the file name's leading letters, or --name).
                """)

        @Argument(help: "dspt or ods.", transform: ReferenceKindArgument.parse)
        var kind: ReferenceKind

        @Argument(help: "The list's CSV file.")
        var file: String

        @Option(help: "Which ODS list this is (default: the file name's leading letters and digits, e.g. epraccur).")
        var name: String?

        @Option(name: .customLong("at"), help: "When the list was obtained, ISO 8601 with a zone (default: now); its age is counted from then.",
                transform: AsOfArgument.parse)
        var at: Date?

        @OptionGroup var data: DataDirectoryOptions

        @Option(help: "What to print: text or json (the recorded import).")
        var format: OutputFormat = .text

        func run() throws {
            let registry = try data.openRegistry()
            let outcome = try RegistryFailure.mapped {
                try ReferenceImport(registry: registry).importList(kind, path: file, name: name, at: at ?? Date())
            }
            let reference = outcome.reference
            switch format {
            case .json:
                try Console.json(reference)
            case .text:
                try Console.output("""
                    imported \(file) as \(reference.kind) \(reference.name): \(reference.rows) rows, SHA-256 \(reference.sha256), \
                    \(outcome.isNewFile ? "stored as" : "already stored as") \(reference.storedPath)

                    """)
            }
        }
    }

    /// `reference list`.
    struct ListCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List every import of a reference list, oldest first; the lists in use are marked *.")

        @OptionGroup var data: DataDirectoryOptions

        @Option(help: "What to print: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let registry = try data.openRegistry()
            let (all, latest) = try RegistryFailure.mapped { (try registry.references(), try registry.latestReferences()) }
            switch format {
            case .json:
                try Console.json(all)
            case .text:
                let inUse = Set(latest.compactMap(\.id))
                let lines = all.map { reference in
                    let mark = reference.id.map(inUse.contains) == true ? "*" : " "
                    return "\(mark) \(ISOInstant.string(reference.importedAt))  \(reference.kind) \(reference.name)  \(reference.rows) rows  \(reference.storedPath)"
                }
                try Console.output(all.isEmpty ? "no reference lists imported\n" : lines.joined(separator: "\n") + "\n")
            }
        }
    }
}

/// `dspt` / `ods`.
enum ReferenceKindArgument {
    static func parse(_ text: String) throws -> ReferenceKind {
        guard let kind = ReferenceKind(shortName: text) else { throw ValidationError("the kind is dspt or ods, not \"\(text)\"") }
        return kind
    }
}
