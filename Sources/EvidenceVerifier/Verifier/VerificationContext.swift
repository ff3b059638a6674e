import Foundation

/// Everything a check may read: the bundle, its verified signatures, the instant of verification,
/// the policy, the trust anchors and what the operator allowed. Built once at the edge; the clock is
/// never read inside a check.
public struct VerificationContext: Sendable {
    public let bundle: EvidenceBundle
    /// The instant of verification (`--as-of`, default now, read once by the command line).
    public let asOf: Date
    public let policy: Policy
    /// Anchors for manifest and evidence signatures (`--trust DIR/signers`).
    public let signerAnchors: [Certificate]
    /// Anchors for HSCN certificates and endpoint TLS (`--trust DIR/hscn`).
    public let hscnAnchors: [Certificate]
    /// False with `--no-probe`: the HSCN endpoints are not contacted.
    public let probeEndpoints: Bool
    /// Networks (CIDR) probes may reach beyond public addresses: the policy's plus `--allow-network`.
    public let allowedNetworks: [String]
    /// The verdicts on the manifest signature and every per-file signature, made once at `asOf`.
    public let signatures: BundleSignatures

    public init(
        bundle: EvidenceBundle, asOf: Date, policy: Policy, signerAnchors: [Certificate], hscnAnchors: [Certificate],
        probeEndpoints: Bool, allowedNetworks: [String] = []
    ) {
        self.bundle = bundle
        self.asOf = asOf
        self.policy = policy
        self.signerAnchors = signerAnchors
        self.hscnAnchors = hscnAnchors
        self.probeEndpoints = probeEndpoints
        self.allowedNetworks = policy.probe.allowedNetworks + allowedNetworks
        signatures = BundleSignatures(
            bundle: bundle, anchors: signerAnchors, refusedDigests: policy.hscn.refusedSignatureDigests, at: asOf)
    }

    /// The manifest, when the bundle has a usable one.
    public var manifest: Manifest? { bundle.manifest.manifest }
}
