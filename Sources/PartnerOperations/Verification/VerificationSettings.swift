import EvidenceVerifier
import Foundation

/// Everything a registry verification needs besides the bundle: how to verify it (the policy, the trust
/// anchors, whether endpoints are probed and where they may be) and the key that signs the report.
public struct VerificationSettings: Sendable {
    public let verification: BundleVerification
    public let signingIdentity: SigningIdentity

    public init(verification: BundleVerification, signingIdentity: SigningIdentity) {
        self.verification = verification
        self.signingIdentity = signingIdentity
    }

    public var policy: Policy { verification.policy }
}
