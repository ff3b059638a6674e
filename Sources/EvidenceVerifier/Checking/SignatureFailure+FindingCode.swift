extension SignatureVerification.SignatureFailure {
    /// The finding code that names this failure, in evidence findings and in `report verify`.
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
