import COpenSSL
import CShims
import Foundation

/// A private key and its certificate (with any intermediates) that make detached DER CMS signatures.
public final class SigningIdentity: @unchecked Sendable {
    private let key: OpaquePointer
    public let certificate: Certificate
    public let intermediates: [Certificate]

    /// Largest key or certificate file read; real ones are a few kilobytes.
    static let maximumFileBytes = 1 << 20

    /// Reads a PEM private key file and a PEM certificate file (leaf first, intermediates after), each only
    /// when it is a regular file within `maximumFileBytes`. Refuses an encrypted key, a certificate that does
    /// not match the key, or unreadable files, each as one `InputError`.
    public convenience init(keyFile: URL, certificateFile: URL) throws {
        let keyPEM = try Self.read(keyFile, option: "--signing-key")
        let certificatePEM = try Self.read(certificateFile, option: "--signing-cert")
        try self.init(keyPEM: keyPEM, certificatePEM: certificatePEM, keyOrigin: keyFile.path, certificateOrigin: certificateFile.path)
    }

    /// The same from bytes; `origin` names them in errors.
    public convenience init(keyPEM: Data, certificatePEM: Data, origin: String) throws {
        try self.init(keyPEM: keyPEM, certificatePEM: certificatePEM, keyOrigin: origin, certificateOrigin: origin)
    }

    private init(keyPEM: Data, certificatePEM: Data, keyOrigin: String, certificateOrigin: String) throws {
        let certificates: [Certificate]
        do {
            certificates = try Certificate.parseAll(certificatePEM)
        } catch {
            throw InputError(certificateOrigin, "is not a readable PEM certificate (\(error))")
        }
        let bio = try OpenSSLBIO(keyPEM)
        OpenSSLError.clearQueue()
        guard let key = PEM_read_bio_PrivateKey(bio.pointer, nil, refusePassphrase, nil) else {
            let error = OpenSSLError.drain("reading the key")
            throw InputError(keyOrigin, "is not an unencrypted PEM private key (\(error.reasons.first ?? "unreadable"))")
        }
        self.key = key
        certificate = certificates[0]
        intermediates = Array(certificates.dropFirst())
        guard X509_check_private_key(certificate.pointer, key) == 1 else {
            OpenSSLError.clearQueue()
            throw InputError(keyOrigin, "does not match the signing certificate \(certificate.subject)")
        }
    }

    deinit { EVP_PKEY_free(key) }

    private static func read(_ file: URL, option: String) throws(InputError) -> Data {
        do {
            return try InputFile.read(file.path, limit: maximumFileBytes)
        } catch {
            throw InputError(error.subject, "\(error.problem) (\(option))")
        }
    }

    /// A detached DER CMS signature over the exact bytes (binary mode: no line-ending conversion).
    public func signDetached(_ content: Data) throws -> Data {
        let input = try OpenSSLBIO(content)
        guard let extra = lcr_sk_X509_new_null() else { throw OpenSSLError.drain("allocating") }
        defer { lcr_sk_X509_free(extra) }
        for certificate in intermediates where lcr_sk_X509_push(extra, certificate.pointer) <= 0 {
            throw OpenSSLError.drain("allocating")
        }
        OpenSSLError.clearQueue()
        guard let cms = CMS_sign(certificate.pointer, key, extra, input.pointer, UInt32(CMS_BINARY | CMS_DETACHED)) else {
            throw OpenSSLError.drain("signing")
        }
        defer { CMS_ContentInfo_free(cms) }
        let output = try OpenSSLBIO()
        guard i2d_CMS_bio(output.pointer, cms) == 1 else { throw OpenSSLError.drain("encoding the signature") }
        return output.data
    }
}

/// A passphrase callback that supplies none, so OpenSSL never prompts on a terminal.
private let refusePassphrase: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = { _, _, _, _ in 0 }
