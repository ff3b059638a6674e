import EvidenceVerifier
import Foundation
import PartnerRegistry

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

    /// These settings, cross-checking against the latest reference lists imported into `registry`'s data
    /// folder (`ImportedReferences`); a stored list that changed since import is refused (`InputError`).
    public func withLatestReferences(in registry: PartnerRegistry) throws -> VerificationSettings {
        VerificationSettings(
            verification: verification.referencing(try ImportedReferences.latest(in: registry)), signingIdentity: signingIdentity)
    }
}
