import COpenSSL
import CShims
import Foundation

/// An X.509 certificate owned by OpenSSL: this class owns one `X509*` and frees it when released.
///
/// A certificate exists only once OpenSSL could encode it, read both validity dates and decode its
/// extensions; otherwise it is malformed and refused (never read as 1970 or as "no extensions").
/// Immutable after init, so it may cross concurrency domains.
public final class Certificate: @unchecked Sendable {
    /// The owned `X509*`; visible only to the crypto layer and the test PKI (`@_spi(CryptoInternals)`).
    @_spi(CryptoInternals) public let pointer: OpaquePointer
    /// The DER encoding.
    public let derBytes: Data
    /// Lower-case hex SHA-256 of the DER encoding (the certificate's fingerprint).
    public let sha256Fingerprint: String
    public let notBefore: Date
    public let notAfter: Date
    /// The subject as an RFC 2253 string (`CN=…,O=…`).
    public let subject: String
    /// The issuer as an RFC 2253 string.
    public let issuer: String

    /// Takes ownership of `pointer` (one reference), which is freed at once when the certificate is malformed.
    @_spi(CryptoInternals) public init(owning pointer: OpaquePointer) throws(CertificateParseError) {
        do {
            derBytes = try Self.der(pointer)
            sha256Fingerprint = try SHA256Digest.checkedHex(of: derBytes)
            notBefore = try Self.date(X509_get0_notBefore(pointer), "notBefore")
            notAfter = try Self.date(X509_get0_notAfter(pointer), "notAfter")
            try Self.checkExtensions(pointer)
            subject = try Self.rfc2253(X509_get_subject_name(pointer), "subject")
            issuer = try Self.rfc2253(X509_get_issuer_name(pointer), "issuer")
        } catch let error as CertificateParseError {
            X509_free(pointer)
            throw error
        } catch {
            X509_free(pointer)
            throw CertificateParseError("cannot be read by OpenSSL (\(error))")
        }
        self.pointer = pointer
    }

    /// Shares a pointer owned elsewhere by taking a reference of our own.
    convenience init(retaining pointer: OpaquePointer) throws(CertificateParseError) {
        X509_up_ref(pointer)
        try self.init(owning: pointer)
    }

    deinit { X509_free(pointer) }

    /// Every certificate in PEM text (one or more blocks), or the single certificate in DER bytes.
    public static func parseAll(_ data: Data) throws(CertificateParseError) -> [Certificate] {
        if data.isEmpty { throw CertificateParseError("is empty") }
        if looksLikePEM(data) {
            return try parsePEM(data)
        }
        return [try parseDER(data)]
    }

    /// PEM text of this certificate.
    public var pemString: String {
        let body = derBytes.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN CERTIFICATE-----\n\(body)\n-----END CERTIFICATE-----\n"
    }

    /// True when the subject and issuer names are the same (a root or a self-signed leaf).
    public var isSelfIssued: Bool {
        X509_NAME_cmp(X509_get_subject_name(pointer), X509_get_issuer_name(pointer)) == 0
    }

    /// True when basicConstraints marks this certificate as a CA (or, without basicConstraints, when its key
    /// usage allows certificate signing or it is a version 1 self-signed root: OpenSSL's `X509_check_ca`).
    public var isCA: Bool { X509_check_ca(pointer) != 0 }

    /// The e-mail address: the first rfc822Name in subjectAltName, else the subject's emailAddress.
    public var emailAddress: String? {
        if let email = subjectAlternativeNames.lazy.compactMap(\.email).first { return email }
        let name = X509_get_subject_name(pointer)
        let index = X509_NAME_get_index_by_NID(name, NID_pkcs9_emailAddress, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index),
              let value = X509_NAME_ENTRY_get_data(entry) else { return nil }
        return Self.string(value)
    }

    /// The subjectAltName entries this project understands (DNS names, e-mail addresses, IP addresses).
    public var subjectAlternativeNames: [SubjectAlternativeName] {
        guard let raw = X509_get_ext_d2i(pointer, NID_subject_alt_name, nil, nil) else { return [] }
        let names = OpaquePointer(raw)
        defer { lcr_GENERAL_NAMES_free(names) }
        var result: [SubjectAlternativeName] = []
        for index in 0..<lcr_sk_GENERAL_NAME_num(names) {
            guard let name = lcr_sk_GENERAL_NAME_value(names, index) else { continue }
            switch name.pointee.type {
            case GEN_DNS:
                if let value = name.pointee.d.dNSName { result.append(.dns(Self.string(value))) }
            case GEN_EMAIL:
                if let value = name.pointee.d.rfc822Name { result.append(.email(Self.string(value))) }
            case GEN_IPADD:
                if let value = name.pointee.d.iPAddress {
                    let bytes = Data(bytes: ASN1_STRING_get0_data(value), count: Int(ASN1_STRING_length(value)))
                    result.append(.ipAddress(IPAddress(bytes: Array(bytes))?.description ?? bytes.map { String(format: "%02x", $0) }.joined()))
                }
            default:
                continue
            }
        }
        return result
    }

    /// keyUsage bits as OpenSSL reports them, or nil when the extension is absent.
    var keyUsage: UInt32? {
        let usage = X509_get_key_usage(pointer)
        return usage == UInt32.max ? nil : usage
    }

    /// extendedKeyUsage bits as OpenSSL reports them, or nil when the extension is absent.
    var extendedKeyUsage: UInt32? {
        let usage = X509_get_extended_key_usage(pointer)
        return usage == UInt32.max ? nil : usage
    }

    // MARK: - Parsing

    private static func looksLikePEM(_ data: Data) -> Bool {
        data.prefix(4096).range(of: Data("-----BEGIN".utf8)) != nil
    }

    /// Every CERTIFICATE block, in order. The file ends only where OpenSSL finds no further block
    /// (`PEM_R_NO_START_LINE`) after at least one certificate; any other failure (a damaged second
    /// block, bad base64, a block that is not a certificate inside) refuses the whole file.
    private static func parsePEM(_ data: Data) throws(CertificateParseError) -> [Certificate] {
        let bio: OpenSSLBIO
        do { bio = try OpenSSLBIO(data) } catch { throw CertificateParseError("cannot be buffered (\(error))") }
        var certificates: [Certificate] = []
        while true {
            OpenSSLError.clearQueue()
            guard let x509 = PEM_read_bio_X509(bio.pointer, nil, nil, nil) else {
                let error = OpenSSLError.drain("reading PEM")
                if error.consists(ofOnly: ERR_LIB_PEM, reason: PEM_R_NO_START_LINE) { break }
                throw CertificateParseError(
                    "has a damaged PEM certificate block after \(certificates.count) good one(s) (\(error.reasons.first ?? "unreadable"))")
            }
            do {
                certificates.append(try Certificate(owning: x509))
            } catch {
                throw CertificateParseError("certificate \(certificates.count + 1) \(error.problem)")
            }
        }
        if certificates.isEmpty { throw CertificateParseError("holds no PEM certificate") }
        return certificates
    }

    private static func parseDER(_ data: Data) throws(CertificateParseError) -> Certificate {
        OpenSSLError.clearQueue()
        let x509: OpaquePointer? = data.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return nil }
            var cursor: UnsafePointer<UInt8>? = base
            guard let parsed = d2i_X509(nil, &cursor, raw.count) else { return nil }
            // Trailing bytes after the certificate mean this is not one DER certificate.
            if let cursor, cursor != base + raw.count {
                X509_free(parsed)
                return nil
            }
            return parsed
        }
        guard let x509 else {
            let error = OpenSSLError.drain("parsing DER")
            throw CertificateParseError("is neither a PEM nor a DER certificate (\(error.reasons.first ?? "unreadable"))")
        }
        return try Certificate(owning: x509)
    }

    private static func der(_ pointer: OpaquePointer) throws(CertificateParseError) -> Data {
        OpenSSLError.clearQueue()
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        let length = i2d_X509(pointer, &buffer)
        guard length > 0, let buffer else {
            throw CertificateParseError("cannot be encoded as DER (\(OpenSSLError.drain("encoding").reasons.first ?? "unknown reason"))")
        }
        defer { lcr_OPENSSL_free(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    /// Decodes (and caches) the extensions; OpenSSL reports an undecodable or inconsistent one as an error,
    /// which would otherwise read as "no basicConstraints" (not a CA) or "no key usage".
    private static func checkExtensions(_ pointer: OpaquePointer) throws(CertificateParseError) {
        OpenSSLError.clearQueue()
        guard X509_check_purpose(pointer, -1, 0) == 1 else {
            let error = OpenSSLError.drain("decoding extensions")
            throw CertificateParseError("has an extension OpenSSL cannot decode (\(error.reasons.first ?? "unreadable"))")
        }
    }

    // MARK: - Conversions

    static func rfc2253(_ name: OpaquePointer?, _ field: String) throws(CertificateParseError) -> String {
        OpenSSLError.clearQueue()
        guard let name, let bio = try? OpenSSLBIO(), X509_NAME_print_ex(bio.pointer, name, 0, lcr_XN_FLAG_RFC2253()) >= 0 else {
            OpenSSLError.clearQueue()
            throw CertificateParseError("has a \(field) name OpenSSL cannot print")
        }
        return bio.string
    }

    /// A validity date; one OpenSSL cannot read makes the certificate malformed.
    static func date(_ time: UnsafePointer<ASN1_TIME>?, _ field: String) throws(CertificateParseError) -> Date {
        var parts = tm()
        OpenSSLError.clearQueue()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else {
            OpenSSLError.clearQueue()
            throw CertificateParseError("has a \(field) date that is not a valid time")
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    static func string(_ value: UnsafeMutablePointer<ASN1_STRING>) -> String {
        let length = Int(ASN1_STRING_length(value))
        guard length > 0, let bytes = ASN1_STRING_get0_data(value) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}
