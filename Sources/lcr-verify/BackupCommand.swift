import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerRegistry

/// `lcr-verify backup --out FILE`: a consistent copy of the registry (SQLite's `VACUUM INTO`), safe while
/// other runs write. The evidence store and reports are never rewritten, so copying their files suffices.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the registry to a new file, consistently, while it is in use (never overwrites).",
        discussion: "Back up DIR/evidence and DIR/reports as plain files: they are only ever added to, never rewritten.")

    @Option(help: "The backup file to create; an existing file is refused.")
    var out: String

    @OptionGroup var data: DataDirectoryOptions

    func run() async throws {
        let registry = try data.openRegistry()
        try RegistryFailure.mapped { try registry.backup(to: URL(fileURLWithPath: out)) }
        try Console.output("registry backed up to \(out)\n")
    }
}
