import Foundation

/// The verdicts on a bundle's detached signatures: `manifest.json.p7s` over the manifest bytes, and
/// each evidence entry's own `signature` over its file's bytes as read, all at one instant against the
/// signer anchors. Verdicts are keyed by the entry's position in the manifest, never by its path text.
/// Signatures made in S/MIME text mode are accepted here (the integrity check warns about them).
public struct BundleSignatures: Sendable {
    /// Nil when the bundle has no manifest signature (or no manifest to sign).
    public let manifest: SignatureVerification?
    /// Per evidence entry (by `EvidenceFile.index`), for entries that name a signature and whose file is intact.
    public let files: [Int: SignatureVerification]

    /// Verifies with `verifier` (the signer anchors and the policy's refused digests), made once for every bundle.
    public init(bundle: EvidenceBundle, verifier: DetachedSignatureVerifier, at instant: Date) {
        if let signature = bundle.manifestSignature, let bytes = bundle.manifestBytes {
            manifest = verifier.verify(signature: signature, over: .data(bytes), at: instant, acceptingCanonicalText: true)
        } else {
            manifest = nil
        }
        var files: [Int: SignatureVerification] = [:]
        for file in bundle.files where file.isIntact {
            guard case .bytes(let signature) = file.signature, let content = file.content else { continue }
            switch content {
            case .memory(let data):
                files[file.index] = verifier.verify(signature: signature, over: .data(data), at: instant, acceptingCanonicalText: true)
            case .privateFile(let url):
                files[file.index] = verifier.verify(signature: signature, over: .file(url), at: instant, acceptingCanonicalText: true)
            case .stream:
                // Never so: a file a signature covers is held in memory or copied, since both the signature and its check read it.
                files[file.index] = .invalid(.mismatch, "covers a file that was only streamed, so the signed bytes could not be checked")
            }
        }
        self.files = files
    }

    /// The manifest signer, when the manifest signature is valid.
    public var manifestSigner: SignerIdentity? {
        if case .valid(let signer, _) = manifest { return signer }
        return nil
    }

    /// The signer of an evidence file, when its signature is valid.
    public func signer(of file: EvidenceFile) -> SignerIdentity? {
        if case .valid(let signer, _) = files[file.index] { return signer }
        return nil
    }
}
