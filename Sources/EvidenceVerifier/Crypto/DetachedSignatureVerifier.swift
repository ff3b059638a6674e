import COpenSSL
import CShims
import Foundation

/// Verifies a detached CMS (PKCS#7) signature, DER or PEM, over exact bytes, then the signer's chain
/// to the given anchors at an explicit instant, then the signer's key usage.
public struct DetachedSignatureVerifier: Sendable {
    private let chainVerifier: ChainVerifier

    public init(anchors: [Certificate]) {
        chainVerifier = ChainVerifier(anchors: anchors)
    }

    /// The signature's verdict over `content` at `instant`.
    ///
    /// Signatures are checked over the exact bytes (`openssl cms -sign -binary`). With
    /// `acceptingCanonicalText`, a signature made in S/MIME text mode (without `-binary`, so over the
    /// bytes with line endings made CRLF) is accepted too, and the verdict says so.
    public func verify(
        signature: Data, over content: SignedContent, at instant: Date, acceptingCanonicalText: Bool = false
    ) -> SignatureVerification {
        guard let cms = Self.parse(signature) else {
            OpenSSLError.clearQueue()
            return .invalid(.malformed, "is not a CMS (PKCS#7) signature in DER or PEM")
        }
        defer { CMS_ContentInfo_free(cms) }
        guard CMS_is_detached(cms) == 1 else {
            return .invalid(.malformed, "is not a detached signature (it embeds its content)")
        }
        // 1. The signature itself, over the exact bytes (binary: no line-ending conversion), else
        //    (when allowed) over the canonical text form.
        var form = SignedForm.exactBytes
        if let failure = Self.verifyContent(cms, content, binary: true) {
            guard acceptingCanonicalText, failure.0 == .mismatch, Self.verifyContent(cms, content, binary: false) == nil else {
                return .invalid(failure.0, failure.1)
            }
            form = .canonicalText
        }

        // 2. The signer's chain at the instant, with the certificates the signature carries as helpers.
        guard let signers = CMS_get0_signers(cms), lcr_sk_X509_num(signers) > 0,
              let signerPointer = lcr_sk_X509_value(signers, 0) else {
            return .invalid(.signerMissing, "names no signer")
        }
        let signer = Certificate(retaining: signerPointer)
        lcr_sk_X509_free(signers)
        var carried: [Certificate] = []
        if let certificates = CMS_get1_certs(cms) {
            for index in 0..<lcr_sk_X509_num(certificates) {
                if let pointer = lcr_sk_X509_value(certificates, index) { carried.append(Certificate(retaining: pointer)) }
            }
            lcr_sk_X509_pop_free(certificates)
        }
        let identity = SignerIdentity(signer)
        switch chainVerifier.verify(signer, intermediates: carried, at: instant) {
        case .trusted:
            break
        case .failed(.expired, _):
            return .invalid(.signerExpired, "was made by a certificate that is expired at the verification time (notAfter \(ISOInstant.string(signer.notAfter)))", signer: identity)
        case .failed(.notYetValid, _):
            return .invalid(.signerNotYetValid, "was made by a certificate not yet valid at the verification time (notBefore \(ISOInstant.string(signer.notBefore)))", signer: identity)
        case .failed(.untrusted, let reason):
            return .invalid(.untrusted, "was made by \(signer.subject), which does not chain to a trusted anchor (\(reason))", signer: identity)
        case .failed(_, let reason):
            return .invalid(.untrusted, "has a signer chain that fails verification (\(reason))", signer: identity)
        }

        // 3. The signer's certificate must be meant for signing.
        if let problem = SignerKeyUsage.problem(with: signer) {
            return .invalid(.keyUsage, "was made by a certificate \(problem)", signer: identity)
        }
        return .valid(identity, form)
    }

    /// Nil when the signature matches the content, else why not.
    private static func verifyContent(_ cms: OpaquePointer, _ content: SignedContent, binary: Bool) -> (SignatureVerification.SignatureFailure, String)? {
        let contentBIO: OpenSSLBIO
        do {
            contentBIO = try content.bio()
        } catch {
            return (.malformed, "could not read the signed content: \(error)")
        }
        let flags = UInt32((binary ? CMS_BINARY : 0) | CMS_NO_SIGNER_CERT_VERIFY)
        if CMS_verify(cms, nil, nil, contentBIO.pointer, nil, flags) == 1 { return nil }
        let error = OpenSSLError.drain("verifying the signature")
        if error.reasons.contains(where: { $0.contains("signer certificate not found") }) {
            return (.signerMissing, "does not carry its signer's certificate")
        }
        return (.mismatch, "does not match the signed file (\(error.reasons.first ?? "verification failure"))")
    }

    private static func parse(_ signature: Data) -> OpaquePointer? {
        guard !signature.isEmpty, let bio = try? OpenSSLBIO(signature) else { return nil }
        if signature.prefix(64).range(of: Data("-----BEGIN".utf8)) != nil {
            return lcr_PEM_read_bio_CMS(bio.pointer)
        }
        return d2i_CMS_bio(bio.pointer, nil)
    }
}
