import ArgumentParser
import EvidenceVerifier
import Foundation

/// `--as-of`: the instant of verification, read from the wall clock once, here at the edge, when absent.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "The instant of verification, ISO 8601 with a zone (default: now).", transform: AsOfArgument.parse)
    var asOf: Date?

    func instant() -> Date {
        asOf ?? Date()
    }
}

/// `--trust DIR`: the trust anchors (DIR/signers, DIR/hscn, DIR/report-signing hold *.pem anchors).
struct TrustOption: ParsableArguments {
    @Option(help: ArgumentHelp("Trust anchors: DIR/signers, DIR/hscn and DIR/report-signing hold *.pem anchors.", valueName: "DIR"))
    var trust: String = "certs"

    var trustDirectory: URL { URL(fileURLWithPath: trust, isDirectory: true) }

    func anchors(_ purpose: TrustAnchors.Purpose) throws -> [Certificate] {
        try TrustAnchors.load(purpose, from: trustDirectory)
    }
}

/// `--policy FILE`: a policy merged over the built-in defaults.
struct PolicyOption: ParsableArguments {
    @Option(help: "A JSON policy file; keys it omits keep the built-in defaults.")
    var policy: String?

    /// The effective policy: the built-in defaults, with `--policy` merged over them.
    func effectivePolicy() throws -> Policy {
        try policy.map(PolicyLoader.load(path:)) ?? .defaults
    }
}

/// `--allow-network CIDR` (repeatable), parsed once, here.
struct NetworkOptions: ParsableArguments {
    @Option(name: .customLong("allow-network"), help: "A network (CIDR) endpoint probes may reach, e.g. 127.0.0.0/8 (repeatable).",
            transform: NetworkArgument.parse)
    var allowNetwork: [IPNetwork] = []
}

/// Options every verifying command shares (DESIGN §2).
struct VerificationOptions: ParsableArguments {
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var policy: PolicyOption
    @OptionGroup var trust: TrustOption

    @Flag(name: .customLong("no-probe"), help: "Skip live HSCN endpoint probes (the hscn result is then at best warn).")
    var noProbe = false

    @OptionGroup var networks: NetworkOptions

    func instant() -> Date { asOf.instant() }

    func effectivePolicy() throws -> Policy { try policy.effectivePolicy() }

    /// How to verify: the policy, the anchors from `--trust`, probing, the allowed networks and the reference lists.
    func bundleVerification(policy: Policy, references: ReferenceLists = .none) throws -> BundleVerification {
        try BundleVerification(
            policy: policy, signerAnchors: try trust.anchors(.signers), hscnAnchors: try trust.anchors(.hscn),
            probeEndpoints: !noProbe, extraNetworks: networks.allowNetwork, references: references)
    }
}

/// `--allow-network` values.
enum NetworkArgument {
    static func parse(_ text: String) throws -> IPNetwork {
        guard let network = IPNetwork(cidr: text) else { throw ValidationError("not a network such as 127.0.0.0/8") }
        return network
    }
}

/// `--as-of` values, for every command that takes one.
enum AsOfArgument {
    /// A full ISO 8601 instant with a zone (`2026-04-01T12:00:00Z`, `2026-04-01T13:00:00+01:00`); anything
    /// else, such as trailing text, 30 February or an offset of +99:00, is a usage error (exit 2).
    static func parse(_ text: String) throws -> Date {
        guard let date = ISOInstant.parse(text) else {
            throw ValidationError("not a full ISO 8601 instant with a zone, such as 2026-04-01T12:00:00Z")
        }
        return date
    }
}

/// Where and how to write a signed report.
struct SigningOptions: ParsableArguments {
    @Option(name: .customLong("report-out"), help: "Write the report and its signature to DIR as <ODS>-<yyyyMMddTHHmmssZ>.json(.p7s).")
    var reportOut: String?

    @Option(name: .customLong("signing-key"), help: "PEM private key that signs reports.")
    var signingKey: String?

    @Option(name: .customLong("signing-cert"), help: "PEM certificate of the signing key, intermediates appended.")
    var signingCert: String?

    func validate() throws {
        if (signingKey == nil) != (signingCert == nil) {
            throw ValidationError("--signing-key and --signing-cert go together")
        }
    }

    /// The report writer when `--report-out` is given; refuses (exit 2) a missing or mismatched key pair.
    func writer() throws -> (SignedReportWriter, URL)? {
        guard let reportOut else { return nil }
        guard let signingKey, let signingCert else {
            throw InputError("--report-out", "a signed report needs --signing-key and --signing-cert (there is no default key)")
        }
        let identity = try SigningIdentity(
            keyFile: URL(fileURLWithPath: signingKey), certificateFile: URL(fileURLWithPath: signingCert))
        return (SignedReportWriter(identity: identity), URL(fileURLWithPath: reportOut, isDirectory: true))
    }
}

/// How a command prints its result on stdout.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
