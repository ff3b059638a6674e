import EvidenceVerifier
import Foundation

/// Everything a registry verification needs besides the bundle: the policy, the trust anchors, whether
/// endpoints are probed (and where they may be), and the key that signs the report.
public struct VerificationSettings: Sendable {
    public var policy: Policy
    public var signerAnchors: [Certificate]
    public var hscnAnchors: [Certificate]
    public var probeEndpoints: Bool
    public var allowedNetworks: [String]
    public var signingIdentity: SigningIdentity

    public init(
        policy: Policy, signerAnchors: [Certificate], hscnAnchors: [Certificate], probeEndpoints: Bool,
        allowedNetworks: [String], signingIdentity: SigningIdentity
    ) {
        self.policy = policy
        self.signerAnchors = signerAnchors
        self.hscnAnchors = hscnAnchors
        self.probeEndpoints = probeEndpoints
        self.allowedNetworks = allowedNetworks
        self.signingIdentity = signingIdentity
    }
}
