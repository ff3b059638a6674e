import COpenSSL

/// A signing certificate must allow digital signatures (keyUsage) and, when it restricts its
/// purposes (extendedKeyUsage), include e-mail protection, code signing or any purpose.
enum SignerKeyUsage {
    static func problem(with certificate: Certificate) -> String? {
        if let usage = certificate.keyUsage, usage & UInt32(KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION) == 0 {
            return "whose keyUsage does not allow digital signatures"
        }
        if let usage = certificate.extendedKeyUsage, usage & UInt32(XKU_SMIME | XKU_CODE_SIGN | XKU_ANYEKU) == 0 {
            return "whose extendedKeyUsage allows neither e-mail protection nor code signing"
        }
        return nil
    }
}
