import ArgumentParser
import EvidenceVerifier
import Foundation

/// `lcr-verify policy show`: the effective policy as JSON.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Show the effective verification policy.",
        subcommands: [Show.self])

    /// Prints the built-in defaults, or a policy file merged over them, with its SHA-256.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective policy as JSON (the defaults, with --policy merged over them).")

        @Option(help: "A JSON policy file; keys it omits keep the built-in defaults.")
        var policy: String?

        func run() async throws {
            let effective = try policy.map(PolicyLoader.load(path:)) ?? .defaults
            // Worked out first: when OpenSSL cannot hash (a broken OPENSSL_CONF), exit 2 with its reason
            // before printing anything.
            let digest = try effective.checkedSha256()
            let object = try JSONSerialization.jsonObject(with: effective.canonicalJSON())
            let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try Console.output(pretty + Data("\n".utf8))
            Console.error("policy sha256 \(digest) (recorded in every report as policySha256)")
        }
    }
}
