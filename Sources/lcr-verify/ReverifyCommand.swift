import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

/// `lcr-verify reverify [--all | ODS…] [--due] [--as-of T] [--no-probe]`: re-verifies partners' latest
/// stored evidence, records each verification with its signed report, and prints one line per partner.
struct ReverifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverify",
        abstract: "Re-verify partners' latest stored evidence as of now (or --as-of), record it and print what changed.",
        discussion: """
            Exit codes: 0 every partner eligible (after waivers); 1 any partner not eligible; 2 could not run, or a \
            partner's stored evidence could not be re-verified, or (when nothing else failed) a notification could not \
            be sent. Only one run records at a time: a second one is refused, or waits up to --wait seconds.
            """)

    @Argument(help: "ODS codes to re-verify (default: every partner that is not withdrawn).")
    var odsCodes: [String] = []

    @Flag(help: "Every partner that is not withdrawn (the default when no ODS code is named).")
    var all = false

    @Flag(help: "Only partners never verified, or whose reverifyBy has passed or falls within reverify.noticeDays.")
    var due = false

    @Option(help: "Seconds to wait for another run's writer lock before refusing (default 0: refuse at once).")
    var wait: Int = 0

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var signing: ReportSigningOptions

    @Option(help: "text (one line per partner and a summary) or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("notify-url"), help: "POST the decision changes and failures as JSON to this http(s) URL (a webhook).")
    var notifyURL: String?

    @Option(name: .customLong("notify-smtp"), help: "Mail the decision changes and failures through this server, smtp://HOST:PORT.")
    var notifySMTP: String?

    @Option(name: .customLong("notify-to"), help: "A mail recipient for --notify-smtp (repeatable).")
    var notifyTo: [String] = []

    @Option(name: .customLong("notify-from"), help: "The mail's sender for --notify-smtp.")
    var notifyFrom: String = "lcr-verify@localhost"

    func validate() throws {
        if all && !odsCodes.isEmpty { throw ValidationError("--all and ODS codes go separately") }
        if wait < 0 { throw ValidationError("--wait must be 0 or more seconds") }
        if let notifyURL, !(notifyURL.hasPrefix("http://") || notifyURL.hasPrefix("https://")) {
            throw ValidationError("--notify-url: \"\(notifyURL)\" is not an http:// or https:// URL")
        }
        if let notifySMTP, !(notifySMTP.hasPrefix("smtp://") || notifySMTP.hasPrefix("smtps://")) {
            throw ValidationError("--notify-smtp: \"\(notifySMTP)\" is not an smtp:// or smtps:// URL")
        }
        if (notifySMTP == nil) != notifyTo.isEmpty { throw ValidationError("--notify-smtp and --notify-to go together") }
        for address in notifyTo + [notifyFrom] where address.isEmpty || address.contains(where: { $0 == "<" || $0 == ">" || $0.isNewline || $0 == " " }) {
            throw ValidationError("\"\(address)\" is not a mail address")
        }
    }

    func run() async throws {
        let asOf = verification.instant()
        let policy = try verification.effectivePolicy()
        let registry = try data.openRegistry()
        // One reading of the latest imported reference lists for the whole run.
        let settings = try RegistryFailure.mapped {
            try verification.settings(signing: signing, policy: policy).withLatestReferences(in: registry)
        }
        let lock = try RegistryFailure.mapped { try WriterLock.acquire(in: data.dataDirectory, waitSeconds: wait) }
        let noticeDays = policy.reverify.noticeDays
        let partners = try RegistryFailure.mapped {
            try ReverifySelection(odsCodes: odsCodes, dueOnly: due, noticeDays: noticeDays).partners(in: registry, asOf: asOf)
        }
        let progress = ProgressLine(total: partners.count, noun: "partners")
        let results = await Reverifier(registry: registry, settings: settings)
            .run(partners, asOf: asOf, noticeDays: noticeDays, recordedAt: { Date() }, progress: { progress.update($0) })
        progress.finish()
        withExtendedLifetime(lock) {}
        let summary = ReverifySummary(asOf: asOf, noticeDays: noticeDays, partners: results)
        switch format {
        case .json: try Console.json(summary)
        case .text: try Console.output(summary.text)
        }
        for failed in results where failed.error != nil {
            Console.error("\(failed.odsCode): could not be re-verified: \(TerminalText.escaped(failed.error ?? ""))")
        }
        // Everything is recorded by now: a notification that fails loses nothing.
        let notificationFailures = NotificationTargets(webhook: notifyURL, smtpServer: notifySMTP, mailFrom: notifyFrom, mailTo: notifyTo)
            .send(TransitionNotice(asOf: asOf, results: results))
        for failure in notificationFailures { Console.error("notification not sent: \(TerminalText.escaped(failure))") }
        if results.contains(where: { $0.error != nil }) { throw ExitCode(2) }
        if results.contains(where: { !$0.isEligible }) { throw ExitCode(1) }
        if !notificationFailures.isEmpty { throw ExitCode(2) }
    }
}
