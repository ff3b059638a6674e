import ArgumentParser
import EvidenceVerifier
import Foundation

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
        subcommands: [CheckCommand.self, ReportCommand.self, ProbeCommand.self, PolicyCommand.self]
    )
}

/// Entry point: runs the chosen subcommand and maps every failure onto the exit-code contract
/// (0 / 1 / 2), printing one line on stderr for a 2.
@main
enum Main {
    static func main() async {
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
        if error is InputError || error is OpenSSLError {
            Console.error("\(error)")
            Foundation.exit(2)
        }
        if LCRVerify.exitCode(for: error) == .success {  // --help, --version
            print(LCRVerify.fullMessage(for: error))
            Foundation.exit(0)
        }
        let message = LCRVerify.message(for: error)
            .split(separator: "\n").first.map(String.init) ?? "\(error)"
        Console.error(message)
        Foundation.exit(2)
    }
}

/// Writes to the standard streams (FileHandle, since Glibc's `stderr` global is not concurrency-safe).
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data("lcr-verify: \(line)\n".utf8))
    }

    static func output(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
