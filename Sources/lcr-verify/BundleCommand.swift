import ArgumentParser
import EvidenceVerifier
import Foundation

/// `lcr-verify bundle init|add|seal|pack`: an applicant assembles, seals and zips a bundle without
/// hand-writing JSON, digests or `openssl cms` commands.
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Assemble an evidence bundle: init, add files, seal (lint and sign), pack into a zip.",
        subcommands: [Init.self, Add.self, Seal.self, Pack.self])

    /// Writes the manifest's organisation part into a new or empty folder.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a bundle: write manifest.json's organisation part, contact and HSCN endpoints into DIR.")

        @Argument(help: "The bundle folder to create (it must not exist, or be empty).")
        var folder: String

        @Option(name: .customLong("ods"), help: "The organisation's ODS code.")
        var odsCode: String

        @Option(help: "The organisation's name.")
        var name: String

        @Option(name: .customLong("staff-count"), help: "How many staff the organisation employs.")
        var staffCount: Int

        @Option(help: "The access requested: read-only or write.", transform: AccessArgument.parse)
        var access: BundleDeclaration.Access

        @Option(name: .customLong("service"), help: "A direct-care service the organisation provides (repeatable).")
        var services: [String] = []

        @Option(name: .customLong("endpoint"), help: "An HSCN endpoint, https://host:port/ (repeatable).")
        var endpoints: [String] = []

        @Option(name: .customLong("contact-name"), help: "Who to contact about the application.")
        var contactName: String?

        @Option(name: .customLong("contact-email"), help: "The contact's e-mail address.")
        var contactEmail: String?

        @Option(help: "The lawful basis for processing.")
        var basis: String = BundleDeclaration.defaultBasis

        func run() async throws {
            let declaration = BundleDeclaration(
                odsCode: odsCode, name: name, staffCount: staffCount, access: access, services: services,
                endpoints: endpoints, contactName: contactName, contactEmail: contactEmail, basis: basis)
            try BundleAssembler().create(URL(fileURLWithPath: folder, isDirectory: true), declaring: declaration)
            try Console.output(TerminalText.escaped("started \(folder)/manifest.json; next: lcr-verify bundle add \(folder) FILE --kind KIND") + "\n")
        }
    }

    /// Copies one evidence file into the bundle and lists it.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a file into the bundle under its kind's folder and list it in manifest.json with its SHA-256.")

        @Argument(help: "The bundle folder (made by bundle init).")
        var folder: String

        @Argument(help: "The evidence file to copy in.")
        var file: String

        @Option(help: ArgumentHelp(
            "The evidence kind: \(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "KIND"),
            transform: KindArgument.parse)
        var kind: EvidenceKind

        @Option(help: ArgumentHelp("A third party's detached CMS signature over the file, copied beside it.", valueName: "P7S"))
        var signature: String?

        @Option(name: .customLong("as"), help: ArgumentHelp("The file's name inside the bundle (default: its own name).", valueName: "NAME"))
        var fileName: String?

        @OptionGroup var policy: PolicyOption

        func run() async throws {
            let added = try BundleAssembler(policy: try policy.effectivePolicy()).add(
                URL(fileURLWithPath: file), kind: kind, signature: signature.map { URL(fileURLWithPath: $0) },
                name: fileName, to: URL(fileURLWithPath: folder, isDirectory: true))
            let signed = added.entry.signature.map { ", signature \($0)" } ?? ""
            try Console.output(TerminalText.escaped(
                "added \(added.entry.path) as \(added.entry.kind) (\(added.bytes) bytes, sha256 \(added.entry.sha256)\(signed))") + "\n")
        }
    }

    /// Re-hashes, lints and signs the manifest.
    struct Seal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash every listed file, lint the bundle as check --no-probe would, then write and sign manifest.json.",
            discussion: """
                Exits 0 when it signed (printing any failures or warnings the lint found); with --strict, exits 1 \
                and writes nothing when the bundle would not be eligible.
                """)

        @Argument(help: "The bundle folder.")
        var folder: String

        @Option(name: .customLong("signing-key"), help: "The responsible officer's PEM private key.")
        var signingKey: String

        @Option(name: .customLong("signing-cert"), help: "The responsible officer's PEM certificate, intermediates appended.")
        var signingCert: String

        @Flag(help: "Refuse to seal (exit 1, nothing written) when the lint finds the bundle not eligible.")
        var strict = false

        @OptionGroup var asOf: AsOfOption
        @OptionGroup var policy: PolicyOption
        @OptionGroup var trust: TrustOption

        func run() async throws {
            let identity = try SigningIdentity(keyFile: URL(fileURLWithPath: signingKey), certificateFile: URL(fileURLWithPath: signingCert))
            let sealer = try BundleSealer(
                policy: try policy.effectivePolicy(), signerAnchors: try trust.anchors(.signers), hscnAnchors: try trust.anchors(.hscn))
            let outcome = try await sealer.seal(
                URL(fileURLWithPath: folder, isDirectory: true), identity: identity, asOf: asOf.instant(), strict: strict)
            try Console.output(SealLintText.render(outcome))
            if !outcome.sealed { throw ExitCode(1) }
        }
    }

    /// Zips the bundle deterministically.
    struct Pack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Zip the bundle: sorted entries, fixed times, so the same folder always gives the same bytes.")

        @Argument(help: "The bundle folder.")
        var folder: String

        @Option(help: ArgumentHelp("The zip to write (it must not exist).", valueName: "FILE.zip"))
        var out: String

        func run() async throws {
            let packed = try BundleAssembler().pack(URL(fileURLWithPath: folder, isDirectory: true), to: URL(fileURLWithPath: out))
            try Console.output(TerminalText.escaped("packed \(packed.entries) files into \(out) (\(packed.bytes) bytes)") + "\n")
        }
    }
}

/// `--access` values.
enum AccessArgument {
    static func parse(_ text: String) throws -> BundleDeclaration.Access {
        guard let access = BundleDeclaration.Access(rawValue: text) else { throw ValidationError("expected read-only or write") }
        return access
    }
}

/// `--kind` values: the evidence kinds of DESIGN §3.
enum KindArgument {
    static func parse(_ text: String) throws -> EvidenceKind {
        guard let kind = EvidenceKind(rawValue: text) else {
            throw ValidationError("\"\(text)\" is not an evidence kind (\(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return kind
    }
}
