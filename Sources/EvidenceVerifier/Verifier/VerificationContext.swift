import Foundation

/// Everything a check may read: the bundle, the verdicts on its signatures, the user list read once, the
/// instant of verification, the policy, the trust anchors and what the operator allowed. A plain value
/// that `BundleVerification` builds step by step; the clock is never read inside a check.
public struct VerificationContext: Sendable {
    public let bundle: EvidenceBundle
    /// The verdicts on the manifest signature and every per-file signature, made once at `asOf`.
    public let signatures: BundleSignatures
    /// The `user-accounts` evidence, read once for the user-accounts and training checks.
    let users: LCRUserList
    /// The `training-records` evidence, read once for the training check.
    let training: TrainingRecords
    /// The instant of verification (`--as-of`, default now, read once by the command line).
    public let asOf: Date
    public let policy: Policy
    /// Anchors for manifest and evidence signatures (`--trust DIR/signers`).
    public let signerAnchors: [Certificate]
    /// Anchors for HSCN certificates and endpoint TLS (`--trust DIR/hscn`).
    public let hscnAnchors: [Certificate]
    /// False with `--no-probe`: the HSCN endpoints are not contacted.
    public let probeEndpoints: Bool
    /// Networks probes may reach beyond public addresses: the policy's plus `--allow-network`.
    public let allowedNetworks: [IPNetwork]
    /// The independent lists to cross-check against (national DSPT list, ODS registers); often none.
    public let references: ReferenceLists

    /// The manifest, when the bundle has a usable one.
    public var manifest: Manifest? { bundle.manifest.manifest }
}
