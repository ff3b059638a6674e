import COpenSSL
import CShims
import Foundation

/// Verifies a detached CMS (PKCS#7) signature, DER or PEM, over exact bytes, then its digest algorithm,
/// then the signer's chain to the given anchors at an explicit instant, then that the signer is a person's
/// signing certificate (not a CA, and with a signing key usage).
public struct DetachedSignatureVerifier: Sendable {
    private let chainVerifier: ChainVerifier
    /// Digest algorithms refused in a signature (lower-case OpenSSL short names: `md5`, `sha1`).
    private let refusedDigests: Set<String>

    /// `refusedDigests` defaults to the policy's default list (MD5, SHA-1).
    public init(anchors: [Certificate], refusedDigests: [String] = Policy.defaults.hscn.refusedSignatureDigests) {
        chainVerifier = ChainVerifier(anchors: anchors)
        self.refusedDigests = Set(refusedDigests.map { $0.lowercased() })
    }

    /// The signature's verdict over `content` at `instant`.
    ///
    /// Signatures are checked over the exact bytes (`openssl cms -sign -binary`). With
    /// `acceptingCanonicalText`, a signature made in S/MIME text mode (without `-binary`, so over the
    /// bytes with line endings made CRLF) is accepted too, and the verdict says so.
    public func verify(
        signature: Data, over content: SignedContent, at instant: Date, acceptingCanonicalText: Bool = false
    ) -> SignatureVerification {
        OpenSSLError.clearQueue()
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

        // 2. Who signed, and the certificates the signature carries as helpers for the chain.
        let signer: Certificate
        let carried: [Certificate]
        switch Self.certificates(of: cms) {
        case .success(let found): (signer, carried) = found
        case .failure(let problem): return .invalid(problem.failure, problem.reason)
        }
        let identity = SignerIdentity(signer)

        // 3. A digest that no longer resists collisions proves nothing about the bytes.
        if let digest = Self.digestNames(of: cms).first(where: refusedDigests.contains) {
            return .invalid(.weakDigest, "uses the \(digest.uppercased()) digest, which is refused; sign again with SHA-256", signer: identity)
        }

        // 4. The signer's chain at the instant.
        switch chainVerifier.verify(signer, intermediates: carried, at: instant, purpose: .any) {
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

        // 5. The signer must be a person's signing certificate: a CA certifies others, it does not sign evidence.
        if signer.isCA {
            return .invalid(.signerIsCA, "was made by \(signer.subject), a CA certificate; it must be signed with the responsible officer's own certificate", signer: identity)
        }
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
        // OpenSSL 3.0's CMS_verify copies a memory BIO it is handed and loses the copy when it cannot
        // start reading the content (found by fuzz-cms): a buffering filter in front is read directly.
        OpenSSLError.clearQueue()
        guard let buffer = BIO_new(BIO_f_buffer()) else {
            return (.malformed, "could not read the signed content: \(OpenSSLError.drain("allocating a buffer"))")
        }
        BIO_push(buffer, contentBIO.pointer)
        defer {
            BIO_pop(buffer)
            BIO_free(buffer)
        }
        let flags = UInt32((binary ? CMS_BINARY : 0) | CMS_NO_SIGNER_CERT_VERIFY)
        if CMS_verify(cms, nil, nil, buffer, nil, flags) == 1 { return nil }
        let error = OpenSSLError.drain("verifying the signature")
        if error.contains(library: ERR_LIB_CMS, reason: CMS_R_SIGNER_CERTIFICATE_NOT_FOUND) {
            return (.signerMissing, "does not carry its signer's certificate")
        }
        return (.mismatch, "does not match the signed file (\(error.reasons.first ?? "verification failure"))")
    }

    /// The first signer's certificate and every certificate the signature carries.
    private static func certificates(of cms: OpaquePointer) -> Result<(Certificate, [Certificate]), SignerProblem> {
        OpenSSLError.clearQueue()
        guard let signers = CMS_get0_signers(cms) else {
            OpenSSLError.clearQueue()
            return .failure(SignerProblem(.signerMissing, "names no signer"))
        }
        defer { lcr_sk_X509_free(signers) }  // the stack is ours; the certificates belong to the CMS
        guard lcr_sk_X509_num(signers) > 0, let signerPointer = lcr_sk_X509_value(signers, 0) else {
            return .failure(SignerProblem(.signerMissing, "names no signer"))
        }
        guard let signer = try? Certificate(retaining: signerPointer) else {
            return .failure(SignerProblem(.malformed, "carries a signer certificate that cannot be read"))
        }
        var carried: [Certificate] = []
        if let certificates = CMS_get1_certs(cms) {
            defer { lcr_sk_X509_pop_free(certificates) }
            for index in 0..<lcr_sk_X509_num(certificates) {
                // The signer is one of the carried certificates (the same object): it is not read twice.
                guard let pointer = lcr_sk_X509_value(certificates, index),
                      let certificate = pointer == signer.pointer ? signer : try? Certificate(retaining: pointer) else {
                    return .failure(SignerProblem(.malformed, "carries a certificate that cannot be read"))
                }
                carried.append(certificate)
            }
        }
        OpenSSLError.clearQueue()  // CMS_get1_certs leaves nothing to report when there are none
        return .success((signer, carried))
    }

    /// Lower-case short names of every digest the signer infos use: the digest algorithm, and the digest
    /// inside the signature algorithm (`ecdsa-with-SHA1` gives `sha1`).
    private static func digestNames(of cms: OpaquePointer) -> [String] {
        guard let infos = CMS_get0_SignerInfos(cms) else { return [] }
        var names: [String] = []
        for index in 0..<lcr_sk_CMS_SignerInfo_num(infos) {
            guard let info = lcr_sk_CMS_SignerInfo_value(infos, index) else { continue }
            var digestAlgorithm: UnsafeMutablePointer<X509_ALGOR>? = nil
            var signatureAlgorithm: UnsafeMutablePointer<X509_ALGOR>? = nil
            CMS_SignerInfo_get0_algs(info, nil, nil, &digestAlgorithm, &signatureAlgorithm)
            var digests = [nid(of: digestAlgorithm)]
            var signatureDigest: Int32 = NID_undef
            if OBJ_find_sigid_algs(nid(of: signatureAlgorithm), &signatureDigest, nil) == 1 { digests.append(signatureDigest) }
            for digest in digests where digest != NID_undef {
                if let name = OBJ_nid2sn(digest) { names.append(String(cString: name).lowercased()) }
            }
        }
        OpenSSLError.clearQueue()
        return names
    }

    private static func nid(of algorithm: UnsafeMutablePointer<X509_ALGOR>?) -> Int32 {
        guard let algorithm else { return NID_undef }
        var object: OpaquePointer? = nil
        X509_ALGOR_get0(&object, nil, nil, algorithm)
        return object.map { OBJ_obj2nid($0) } ?? NID_undef
    }

    private static func parse(_ signature: Data) -> OpaquePointer? {
        guard !signature.isEmpty, let bio = try? OpenSSLBIO(signature) else { return nil }
        if signature.prefix(64).range(of: Data("-----BEGIN".utf8)) != nil {
            return lcr_PEM_read_bio_CMS(bio.pointer)
        }
        return d2i_CMS_bio(bio.pointer, nil)
    }

    /// Why the signer's certificates could not be taken from a signature.
    private struct SignerProblem: Error {
        let failure: SignatureVerification.SignatureFailure
        let reason: String
        init(_ failure: SignatureVerification.SignatureFailure, _ reason: String) {
            self.failure = failure
            self.reason = reason
        }
    }
}
