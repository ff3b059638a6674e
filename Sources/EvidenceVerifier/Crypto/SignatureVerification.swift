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

        public var code: FindingCode {
            switch self {
            case .malformed: .signatureMalformed
            case .mismatch: .signatureInvalid
            case .signerMissing: .signatureSignerMissing
            case .untrusted: .signatureUntrusted
            case .signerExpired: .signatureSignerExpired
            case .signerNotYetValid: .signatureSignerNotYetValid
            case .keyUsage: .signatureKeyUsage
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
}
