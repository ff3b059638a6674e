import ArgumentParser
import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

/// `lcr-verify tokens …`: the intake service's bearer tokens. A token's text is printed once, when issued;
/// the registry keeps only a salted hash of it.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Issue, revoke and list the intake service's bearer tokens (only a salted hash is stored).",
        subcommands: [Issue.self, Revoke.self, List.self])

    /// `tokens issue ODS` / `tokens issue --role steering-group`.
    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token for one organisation (ODS) or for the steering group; it is printed once, on stdout.")

        @Argument(help: "The organisation's ODS code (omit with --role steering-group).") var odsCode: String?
        @Option(help: "organisation (needs ODS) or steering-group.") var role: TokenRole = .organisation
        @OptionGroup var data: DataDirectoryOptions

        func validate() throws {
            switch (role, odsCode) {
            case (.organisation, nil): throw ValidationError("name the organisation's ODS code, or pass --role steering-group")
            case (.steeringGroup, .some): throw ValidationError("a steering-group token is for no one organisation: omit the ODS code")
            default: break
            }
        }

        func run() async throws {
            let registry = try data.openRegistry()
            let issued = try RegistryFailure.mapped { try TokenIssuer(registry: registry).issue(odsCode: odsCode, at: Date()) }
            let holder = issued.record.odsCode ?? "the steering group"
            try Console.output(issued.token.text + "\n")
            Console.error("token \(issued.record.id ?? 0) issued for \(holder); it is shown only this once: keep it in a file readable only by its holder")
        }
    }

    /// `tokens revoke ID`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token: it opens nothing from now on.")

        @Argument(help: "The token's id (the number `tokens list` shows).") var id: Int64
        @OptionGroup var data: DataDirectoryOptions

        func run() async throws {
            let registry = try data.openRegistry()
            let token = try RegistryFailure.mapped { try registry.revokeToken(id: id, at: Date()) }
            try Console.output("token \(id) (\(token.odsCode ?? token.role.rawValue)) revoked\n")
        }
    }

    /// `tokens list`: every token without its secret or hash.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every token issued: id, role, organisation, issued, revoked (no secrets).")

        @OptionGroup var data: DataDirectoryOptions
        @Option(help: "text (a table) or json.") var format: OutputFormat = .text

        func run() async throws {
            let registry = try data.openRegistry()
            let rows = try RegistryFailure.mapped { try registry.tokens().map(TokenSummary.init) }
            switch format {
            case .json: try Console.json(rows)
            case .text: try Console.output(TokenSummary.table(rows))
            }
        }
    }
}

extension TokenRole: ExpressibleByArgument {}

/// One row of `tokens list`: what a token is for, never its secret or hash.
struct TokenSummary: Encodable {
    var id: Int64
    var role: String
    var odsCode: String?
    var issuedAt: Date
    var revokedAt: Date?

    init(_ token: AccessToken) {
        id = token.id ?? 0
        role = token.role.rawValue
        odsCode = token.odsCode
        issuedAt = token.issuedAt
        revokedAt = token.revokedAt
    }

    static func table(_ rows: [TokenSummary]) -> String {
        guard !rows.isEmpty else { return "no tokens issued yet\n" }
        return TextTable.render(
            header: ["ID", "ROLE", "ODS", "ISSUED", "REVOKED"],
            rows: rows.map { [String($0.id), $0.role, $0.odsCode ?? "-", ISOInstant.string($0.issuedAt), $0.revokedAt.map(ISOInstant.string) ?? "-"] })
    }
}
