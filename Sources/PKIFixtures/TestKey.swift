import COpenSSL
import CShims
import Foundation

/// A private key made for tests and demos: RSA of a given size or EC on a named curve. Owns one `EVP_PKEY*`.
public final class TestKey: @unchecked Sendable {
    let pointer: OpaquePointer

    public static func rsa(bits: UInt32 = 2048) -> TestKey {
        guard let key = lcr_EVP_RSA_gen(bits) else { fatalError("RSA key generation failed") }
        return TestKey(pointer: key)
    }

    public static func ec(curve: String = "P-256") -> TestKey {
        guard let key = lcr_EVP_EC_gen(curve) else { fatalError("EC key generation failed for \(curve)") }
        return TestKey(pointer: key)
    }

    private init(pointer: OpaquePointer) { self.pointer = pointer }
    deinit { EVP_PKEY_free(pointer) }

    /// Unencrypted PKCS#8 PEM.
    public var pem: Data {
        guard let bio = BIO_new(BIO_s_mem()) else { return Data() }
        defer { BIO_free(bio) }
        PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil)
        var start: UnsafeMutablePointer<CChar>? = nil
        let length = lcr_BIO_get_mem_data(bio, &start)
        guard length > 0, let start else { return Data() }
        return Data(bytes: start, count: length)
    }
}
