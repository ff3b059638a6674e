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

    /// Why a signature was not accepted; each a distinct finding code.
    public enum SignatureFailure: Sendable, Equatable {
        case malformed, mismatch, signerMissing, untrusted, signerExpired, signerNotYetValid, keyUsage
        /// The signature uses a refused digest (MD5, SHA-1).
        case weakDigest
        /// The signer's certificate is a CA certificate, not a person's signing certificate.
        case signerIsCA

        public var code: FindingCode {
            switch self {
            case .malformed: .signatureMalformed
            case .mismatch: .signatureInvalid
            case .signerMissing: .signatureSignerMissing
            case .untrusted: .signatureUntrusted
            case .signerExpired: .signatureSignerExpired
            case .signerNotYetValid: .signatureSignerNotYetValid
            case .keyUsage: .signatureKeyUsage
            case .weakDigest: .signatureWeakDigest
            case .signerIsCA: .signatureSignerIsCA
            }
        }
    }
}

extension FindingCode {
    public static let signatureMalformed = FindingCode("signature.malformed")
    public static let signatureInvalid = FindingCode("signature.invalid")
    public static let signatureSignerMissing = FindingCode("signature.signer-missing")
    public static let signatureUntrusted = FindingCode("signature.untrusted")
    public static let signatureSignerExpired = FindingCode("signature.signer-expired")
    public static let signatureSignerNotYetValid = FindingCode("signature.signer-not-yet-valid")
    public static let signatureKeyUsage = FindingCode("signature.key-usage")
    public static let signatureWeakDigest = FindingCode("signature.weak-digest")
    public static let signatureSignerIsCA = FindingCode("signature.signer-is-ca")
}
