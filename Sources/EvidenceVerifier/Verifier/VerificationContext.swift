import Foundation

/// Everything a check may read: the bundle, the instant of verification, the policy, the trust
/// anchors and what the operator allowed. Built once at the edge; the clock is never read inside a check.
public struct VerificationContext: Sendable {
    public let bundle: EvidenceBundle
    /// The instant of verification (`--as-of`, default now, read once by the command line).
    public let asOf: Date
    public let policy: Policy
    public let trust: TrustAnchors
    /// False with `--no-probe`: the HSCN endpoints are not contacted.
    public let probeEndpoints: Bool
    /// Networks (CIDR) probes may reach beyond public addresses: the policy's plus `--allow-network`.
    public let allowedNetworks: [String]

    public init(
        bundle: EvidenceBundle, asOf: Date, policy: Policy, trust: TrustAnchors,
        probeEndpoints: Bool, allowedNetworks: [String]
    ) {
        self.bundle = bundle
        self.asOf = asOf
        self.policy = policy
        self.trust = trust
        self.probeEndpoints = probeEndpoints
        self.allowedNetworks = allowedNetworks
    }

    /// The manifest, when the bundle has a usable one.
    public var manifest: Manifest? { bundle.manifest.manifest }
}
