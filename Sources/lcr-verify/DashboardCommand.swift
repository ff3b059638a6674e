import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

/// `lcr-verify dashboard --data-dir DIR --out FILE.html [--as-of T] [--trust DIR] [--policy FILE]`: one
/// self-contained page with every partner, written with each partner's latest report and history beside it.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Write the steering group's partners dashboard: one self-contained HTML page, with each partner's pages beside it.",
        discussion: """
            The page lists every partner by status (approved, applicants, suspended, withdrawn; anchors, no script): \
            ODS code, name, access, latest verification, re-verify-by date (lapses within the policy's \
            reverify.noticeDays of --as-of are highlighted with the fact that lapses: DSPT deadline, training or \
            certificate), last decision, open waivers, and links to the partner's latest report and history. A \
            calendar strip shows how many partners lapse in each of the next twelve months, and why. Beside FILE.html \
            it writes <ODS>-latest.html (the latest signed report, its signature checked against --trust DIR's \
            report-signing anchors when given, else "not checked") and <ODS>-history.html (a timeline of verifications). \
            Every file is written whole (a temporary file renamed into place).
            """)

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("The dashboard page to write (its partner pages go in the same folder).", valueName: "FILE.html"))
    var out: String

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var policy: PolicyOption

    @Option(help: ArgumentHelp("Check each latest report's signature against DIR/report-signing/*.pem anchors.", valueName: "DIR"))
    var trust: String?

    func run() async throws {
        let instant = asOf.instant()
        let noticeDays = try policy.effectivePolicy().reverify.noticeDays
        let anchors = try trust.map { try TrustAnchors.load(.reportSigning, from: URL(fileURLWithPath: $0, isDirectory: true)) }
        let registry = try data.openExistingRegistry()
        let output = URL(fileURLWithPath: out)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.deletingLastPathComponent().path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(out, "cannot be written: its folder does not exist")
        }
        let written = try RegistryFailure.mapped {
            let dashboard = try Dashboard.load(from: registry, asOf: instant, noticeDays: noticeDays, reportAnchors: anchors)
            return try DashboardPublisher(registry: registry).publish(dashboard, to: output)
        }
        try Console.output("wrote \(TerminalText.escaped(out)) and \(written.count - 1) partner page(s) beside it\n")
    }
}

extension DataDirectoryOptions {
    /// The registry of a data folder that must already hold one: a missing folder or registry is exit 2,
    /// never a new empty registry (a page of nobody would look like a real answer).
    func openExistingRegistry() throws -> PartnerRegistry {
        guard FileManager.default.fileExists(atPath: dataDirectory.registryFile.path) else {
            throw InputError(dataDir, "is not a data folder: it holds no registry.sqlite")
        }
        return try openRegistry()
    }
}
