import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations

/// The `lcr-verify` command: verifies Leeds Care Record compliance evidence and its signed reports.
struct LCRVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lcr-verify",
        abstract: "Verify the compliance evidence an organisation must show before it may use the Leeds Care Record.",
        discussion: """
            Exit codes: 0 verified and eligible (warnings allowed) / signature valid; 1 verified and not \
            eligible, or signature invalid; 2 could not verify (usage error, unreadable or malformed input, refused request).
            """,
        version: Verifier.version,
        subcommands: [CheckCommand.self, BundleCommand.self, ReportCommand.self, ProbeCommand.self, PolicyCommand.self, SubmitCommand.self, PartnersCommand.self, ReverifyCommand.self, ReferenceCommand.self, BackupCommand.self, DashboardCommand.self, TokensCommand.self, ServeCommand.self, UploadCommand.self]
    )
}

/// Entry point: runs the chosen subcommand and maps every failure onto the exit-code contract
/// (0 / 1 / 2), printing one line on stderr for a 2.
@main
enum Main {
    static func main() async {
        // A closed pipe on stdout must end in EPIPE (one stderr line, exit 2), not a silent death by signal.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try LCRVerify.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(with: error)
        }
    }

    private static func exit(with error: Error) -> Never {
        if let exitCode = error as? ExitCode {
            Foundation.exit(exitCode.rawValue)
        }
        if error is InputError || error is OpenSSLError || error is SubmissionRefusal {
            Console.error("\(error)")
            Foundation.exit(2)
        }
        if LCRVerify.exitCode(for: error) == .success {  // --help, --version
            do {
                try Console.output(LCRVerify.fullMessage(for: error) + "\n")
            } catch {
                exit(with: error)
            }
            Foundation.exit(0)
        }
        if LCRVerify.exitCode(for: error) == .validationFailure {  // usage errors, from the parser or validate()
            Console.error(LCRVerify.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage")
        } else {
            Console.error(describeUnexpected(error))
        }
        Foundation.exit(2)
    }
}

/// One line for an error that is none of ours (a Foundation error from a file operation): the file it names
/// and the system's reason, never Foundation's multi-line `NSCocoaErrorDomain` dump.
private func describeUnexpected(_ error: any Error) -> String {
    let nsError = error as NSError
    let file = nsError.userInfo[NSFilePathErrorKey] as? String ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
    let reason = SystemError(underlying: error).map { "cannot be used (\($0))" } ?? "could not be handled (\(nsError.domain) error \(nsError.code))"
    return "\(file ?? "input"): \(reason)"
}

/// Writes to the standard streams with `write(2)` (FileHandle traps on a full disk or a closed pipe, and
/// Glibc's `stderr` global is not concurrency-safe).
enum Console {
    /// One line on stderr, prefixed with the program's name. The whole line goes through `TerminalText`,
    /// so a file name or message from evidence can neither start a second line nor drive the terminal.
    /// A stderr that cannot be written is ignored: there is nowhere left to say so.
    static func error(_ line: String) {
        try? DescriptorWriter.writeAll(Data("lcr-verify: \(TerminalText.escaped(line))\n".utf8), to: STDERR_FILENO)
    }

    /// Bytes on stdout; a stdout that cannot take them (a full disk, a closed pipe) is an `InputError`.
    static func output(_ data: Data) throws(InputError) {
        do {
            try DescriptorWriter.writeAll(data, to: STDOUT_FILENO)
        } catch {
            throw InputError("standard output", "cannot be written (\(error))")
        }
    }

    static func output(_ text: String) throws(InputError) {
        try output(Data(text.utf8))
    }

    /// `value` as one line of JSON on stdout, encoded as reports are (sorted keys, UTC instants).
    static func json(_ value: some Encodable) throws {
        try output(try ReportCoding.encoder.encode(value) + Data("\n".utf8))
    }
}
