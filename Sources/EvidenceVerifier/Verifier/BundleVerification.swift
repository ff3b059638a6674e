import Foundation

/// The one path from a bundle to its report, in named steps: read the bundle (each file once), read the
/// user list and training records once (streaming large files while hashing them), settle every file's
/// state, verify its signatures at the as-of instant, then run the
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
    /// The signer anchors' verifier (their store built once), with the policy's refused digests.
    let signatureVerifier: DetachedSignatureVerifier

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
        signatureVerifier = DetachedSignatureVerifier(anchors: signerAnchors, refusedDigests: policy.hscn.refusedSignatureDigests)
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

    /// The context the checks read: the evidence read once (the user list and the training records, large
    /// files hashed as they are parsed), every file's state then settled, and the signature verdicts worked out.
    func context(for bundle: EvidenceBundle, asOf: Date) -> VerificationContext {
        let users = LCRUserList.read(bundle, policy: policy.userAccounts)
        let training = TrainingRecords.read(bundle, rules: policy.training, asOf: asOf)
        let (settled, setAside) = bundle.settled()
        let signatures = BundleSignatures(bundle: settled, verifier: signatureVerifier, at: asOf)
        return VerificationContext(
            bundle: settled, signatures: signatures,
            users: setAside.contains(EvidenceKind.userAccounts.rawValue) ? .setAside(in: settled) : users,
            training: setAside.contains(EvidenceKind.trainingRecords.rawValue) ? .setAside(in: settled) : training,
            asOf: asOf, policy: policy, signerAnchors: signerAnchors, hscnAnchors: hscnAnchors,
            probeEndpoints: probeEndpoints, allowedNetworks: allowedNetworks, references: references)
    }
}
