import COpenSSL
import CShims
@_spi(CryptoInternals) import EvidenceVerifier
import Foundation

/// A certificate and its private key, made by `CertificateFactory`.
public struct IssuedCertificate: Sendable {
    public let certificate: Certificate
    public let key: TestKey

    /// A signing identity for CMS signatures made with this certificate (plus `chain` as intermediates).
    public func signingIdentity(chain: [IssuedCertificate] = []) throws -> SigningIdentity {
        let pem = ([certificate] + chain.map(\.certificate)).map(\.pemString).joined()
        return try SigningIdentity(keyPEM: key.pem, certificatePEM: Data(pem.utf8), origin: "test identity")
    }
}

/// Issues X.509 certificates with OpenSSL for tests and the demo PKI: self-signed roots, intermediates
/// and leaves with fixed validity, key usages, subjectAltNames and signature digests.
public enum CertificateFactory {
    /// Issues `spec` for `key`, signed by `issuer` (self-signed when nil).
    public static func issue(_ spec: CertificateSpec, key: TestKey, issuer: IssuedCertificate? = nil) -> IssuedCertificate {
        guard let x509 = X509_new() else { fatalError("X509_new failed") }
        X509_set_version(x509, 2)
        ASN1_INTEGER_set(X509_get_serialNumber(x509), spec.serial)
        setTime(X509_getm_notBefore(x509), spec.notBefore)
        setTime(X509_getm_notAfter(x509), spec.notAfter)
        X509_set_pubkey(x509, key.pointer)

        let name = X509_get_subject_name(x509)
        addEntry(name, "O", spec.organisation)
        addEntry(name, "CN", spec.commonName)
        if let email = spec.email { addEntry(name, "emailAddress", email) }
        X509_set_issuer_name(x509, issuer.map { X509_get_subject_name($0.certificate.pointer) } ?? name)

        var context = X509V3_CTX()
        let issuerX509 = issuer?.certificate.pointer ?? x509
        X509V3_set_ctx(&context, issuerX509, x509, nil, nil, 0)
        addExtension(x509, &context, NID_basic_constraints, spec.isCA ? "critical,CA:TRUE" : "critical,CA:FALSE")
        addExtension(x509, &context, NID_subject_key_identifier, "hash")
        if issuer != nil { addExtension(x509, &context, NID_authority_key_identifier, "keyid:always") }
        if let usage = spec.keyUsage { addExtension(x509, &context, NID_key_usage, usage) }
        if let usage = spec.extendedKeyUsage { addExtension(x509, &context, NID_ext_key_usage, usage) }
        if let names = spec.subjectAltNames { addExtension(x509, &context, NID_subject_alt_name, names) }

        let signingKey = issuer?.key ?? key
        guard let digest = EVP_get_digestbyname(spec.digest), X509_sign(x509, signingKey.pointer, digest) > 0 else {
            fatalError("signing the test certificate with \(spec.digest) failed")
        }
        do {
            return IssuedCertificate(certificate: try Certificate(owning: x509), key: key)
        } catch {
            fatalError("the test certificate cannot be read back: \(error)")
        }
    }

    private static func setTime(_ time: UnsafeMutablePointer<ASN1_TIME>?, _ date: Date) {
        ASN1_TIME_set(time, time_t(date.timeIntervalSince1970))
    }

    private static func addEntry(_ name: OpaquePointer?, _ field: String, _ value: String) {
        X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, value, -1, -1, 0)
    }

    private static func addExtension(_ x509: OpaquePointer, _ context: inout X509V3_CTX, _ nid: Int32, _ value: String) {
        guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
            fatalError("bad test extension \(nid)=\(value)")
        }
        X509_add_ext(x509, ext, -1)
        X509_EXTENSION_free(ext)
    }
}
