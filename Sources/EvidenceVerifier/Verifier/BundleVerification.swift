import Foundation

/// The one path from a bundle to its report, in named steps: read the bundle (each file once, into a
/// private snapshot), verify its signatures at the as-of instant, read the user list once, then run the
/// checks (with the reference lists read once for every bundle) and assemble the report. `check`, `submit` and `reverify` all verify through it.
public struct BundleVerification: Sendable {
    public let policy: Policy
    /// Anchors for manifest and evidence signatures (`--trust DIR/signers`).
    public let signerAnchors: [Certificate]
    /// Anchors for HSCN certificates and endpoint TLS (`--trust DIR/hscn`).
    public let hscnAnchors: [Certificate]
    /// False with `--no-probe`.
    public let probeEndpoints: Bool
    /// The policy's `probe.allowedNetworks` and the operator's extra networks, parsed once.
    public let allowedNetworks: [IPNetwork]
    /// The independent reference lists every verification cross-checks against (none by default).
    public private(set) var references: ReferenceLists
    public let checks: [any Check]

    /// Refuses (exit 2) a policy whose `probe.allowedNetworks` holds text that is not a network.
    public init(
        policy: Policy, signerAnchors: [Certificate], hscnAnchors: [Certificate], probeEndpoints: Bool,
        extraNetworks: [IPNetwork] = [], references: ReferenceLists = .none, checks: [any Check] = Verifier.standardChecks
    ) throws(InputError) {
        var networks: [IPNetwork] = []
        for text in policy.probe.allowedNetworks {
            guard let network = IPNetwork(cidr: text) else {
                throw InputError("policy", "probe.allowedNetworks: \"\(text)\" is not a network such as 127.0.0.0/8")
            }
            networks.append(network)
        }
        self.policy = policy
        self.signerAnchors = signerAnchors
        self.hscnAnchors = hscnAnchors
        self.probeEndpoints = probeEndpoints
        self.allowedNetworks = networks + extraNetworks
        self.references = references
        self.checks = checks
    }

    /// The same verification, cross-checking against `references` instead.
    public func referencing(_ references: ReferenceLists) -> BundleVerification {
        var verification = self
        verification.references = references
        return verification
    }

    /// Reads and verifies the bundle at `source` as of `asOf`; throws `InputError` only when it cannot be read at all.
    public func verify(_ source: URL, asOf: Date, generatedAt: Date) async throws -> VerificationReport {
        let bundle = try EvidenceBundleReader(limits: policy.evidence).read(source)
        return await verify(bundle, asOf: asOf, generatedAt: generatedAt)
    }

    /// Verifies a bundle already read.
    public func verify(_ bundle: EvidenceBundle, asOf: Date, generatedAt: Date) async -> VerificationReport {
        await Verifier(checks: checks).verify(context(for: bundle, asOf: asOf), generatedAt: generatedAt)
    }

    /// The context the checks read: the signature verdicts and the user list are worked out here, once.
    func context(for bundle: EvidenceBundle, asOf: Date) -> VerificationContext {
        let signatures = BundleSignatures(
            bundle: bundle, anchors: signerAnchors, refusedDigests: policy.hscn.refusedSignatureDigests, at: asOf)
        return VerificationContext(
            bundle: bundle, signatures: signatures, users: LCRUserList.read(bundle, policy: policy.userAccounts),
            asOf: asOf, policy: policy, signerAnchors: signerAnchors, hscnAnchors: hscnAnchors,
            probeEndpoints: probeEndpoints, allowedNetworks: allowedNetworks, references: references)
    }
}
