import Foundation

/// What a test certificate should say. Every date is explicit, so tests never depend on today.
public struct CertificateSpec: Sendable {
    public var commonName: String
    public var organisation: String
    public var email: String?
    public var notBefore: Date
    public var notAfter: Date
    public var isCA: Bool
    /// OpenSSL configuration text, e.g. `digitalSignature,nonRepudiation` (nil: no extension).
    public var keyUsage: String?
    /// OpenSSL configuration text, e.g. `emailProtection` or `serverAuth` (nil: no extension).
    public var extendedKeyUsage: String?
    /// OpenSSL configuration text, e.g. `DNS:localhost,IP:127.0.0.1` (nil: no extension).
    public var subjectAltNames: String?
    /// Signature digest: `sha256`, `sha1`, `md5`.
    public var digest: String
    public var serial: Int

    public init(
        commonName: String, organisation: String = "LCR Test PKI", email: String? = nil,
        notBefore: Date, notAfter: Date, isCA: Bool = false,
        keyUsage: String? = nil, extendedKeyUsage: String? = nil, subjectAltNames: String? = nil,
        digest: String = "sha256", serial: Int = 1
    ) {
        self.commonName = commonName
        self.organisation = organisation
        self.email = email
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.isCA = isCA
        self.keyUsage = keyUsage ?? (isCA ? "critical,keyCertSign,cRLSign" : nil)
        self.extendedKeyUsage = extendedKeyUsage
        self.subjectAltNames = subjectAltNames
        self.digest = digest
        self.serial = serial
    }
}
