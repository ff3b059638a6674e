import ArgumentParser
import EvidenceVerifier
import Foundation

/// `lcr-verify probe URL...`: probes HSCN endpoints on their own and prints what each presented.
/// Exit 0 when every endpoint passes, 1 when any fails, 2 when the trust anchors cannot be read.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Probe HSCN endpoints live and print what they presented (exit 1 if any fails).",
        discussion: """
            Each https URL is resolved and its address checked before connecting: loopback, link-local, \
            private, CGNAT and metadata addresses are refused unless --allow-network lists them. The TLS \
            version must be 1.2 or later and the presented chain must lead to an anchor in DIR/hscn and name \
            the URL's host. Without a bundle no certificates are declared, so any trusted certificate is accepted.
            """)

    @Argument(help: "The https endpoint URLs to probe.")
    var urls: [String]

    @Option(help: "Total time allowed per endpoint, in seconds (default: the policy's, 10).")
    var timeout: Double?

    @OptionGroup var networks: NetworkOptions
    @OptionGroup var trust: TrustOption
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var policy: PolicyOption

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if urls.isEmpty { throw ValidationError("Give at least one https URL to probe.") }
        if let timeout, !(timeout > 0 && timeout <= 600) { throw ValidationError("--timeout must be between 0 and 600 seconds.") }
    }

    func run() async throws {
        let verification = try BundleVerification(
            policy: try policy.effectivePolicy(), signerAnchors: [], hscnAnchors: try trust.anchors(.hscn),
            probeEndpoints: true, extraNetworks: networks.allowNetwork)
        var configuration = ProbeConfiguration(
            policy: verification.policy, anchors: verification.hscnAnchors, declaredCertificateSha256: nil,
            asOf: asOf.instant(), allowedNetworks: verification.allowedNetworks)
        if let timeout {
            configuration.totalTimeout = .milliseconds(Int64(timeout * 1000))
            configuration.connectTimeout = min(configuration.connectTimeout, configuration.totalTimeout)
        }

        let records = await EndpointProber(configuration).probe(urls: urls)
        switch format {
        case .text:
            try Console.output(ProbeTable.render(records))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try Console.output(try encoder.encode(records) + Data("\n".utf8))
        }
        if records.contains(where: { $0.status != .ok }) { throw ExitCode(1) }
    }
}
