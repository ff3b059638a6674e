/// What a valid signature covers.
public enum SignedForm: Sendable, Equatable {
    /// The exact bytes (`-binary`): the only form our reports use.
    case exactBytes
    /// The bytes with line endings made CRLF (S/MIME text mode, `openssl cms -sign` without `-binary`).
    case canonicalText
}

/// A signature's verdict.
public enum SignatureVerification: Sendable {
    case valid(SignerIdentity, SignedForm)
    case invalid(SignatureFailure, String, signer: SignerIdentity? = nil)

    /// Why a signature was not accepted; each has its own finding code (`SignatureFailure.code`).
    public enum SignatureFailure: Sendable, Equatable {
        case malformed, mismatch, signerMissing, untrusted, signerExpired, signerNotYetValid, keyUsage
        /// The signature uses a refused digest (MD5, SHA-1).
        case weakDigest
        /// The signer's certificate is a CA certificate, not a person's signing certificate.
        case signerIsCA
    }
}
