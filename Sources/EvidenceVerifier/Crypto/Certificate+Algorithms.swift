import COpenSSL
import Foundation

extension Certificate {
    /// The subject public key's algorithm, size and curve.
    public var publicKey: PublicKeyDescription {
        guard let key = X509_get0_pubkey(pointer) else {
            OpenSSLError.clearQueue()  // an unsupported key algorithm leaves a decoding error behind
            return PublicKeyDescription(algorithm: .other, bits: 0)
        }
        let bits = Int(EVP_PKEY_get_bits(key))
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_RSA: return PublicKeyDescription(algorithm: .rsa, bits: bits)
        case EVP_PKEY_RSA_PSS: return PublicKeyDescription(algorithm: .rsaPSS, bits: bits)
        case EVP_PKEY_EC: return PublicKeyDescription(algorithm: .ec, bits: bits, curve: Self.groupName(key))
        case EVP_PKEY_ED25519: return PublicKeyDescription(algorithm: .ed25519, bits: bits)
        case EVP_PKEY_ED448: return PublicKeyDescription(algorithm: .ed448, bits: bits)
        default: return PublicKeyDescription(algorithm: .other, bits: bits)
        }
    }

    /// The signature algorithm's long name (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`).
    public var signatureAlgorithm: String {
        guard let name = OBJ_nid2ln(X509_get_signature_nid(pointer)) else { return "unknown" }
        return String(cString: name)
    }

    /// The digest the issuer's signature uses, as a lower-case OpenSSL short name (`sha256`, `sha1`, `md5`);
    /// nil for algorithms without a separate digest (Ed25519) or when OpenSSL cannot tell.
    public var signatureDigest: String? {
        var digest: Int32 = NID_undef
        var publicKey: Int32 = NID_undef
        guard X509_get_signature_info(pointer, &digest, &publicKey, nil, nil) == 1 else {
            OpenSSLError.clearQueue()  // unknown algorithms are reported as "no digest", not as an error
            return nil
        }
        guard digest != NID_undef, let name = OBJ_nid2sn(digest) else { return nil }
        return String(cString: name).lowercased()
    }

    private static func groupName(_ key: OpaquePointer) -> String? {
        var buffer = [CChar](repeating: 0, count: 64)
        var length = 0
        guard EVP_PKEY_get_group_name(key, &buffer, buffer.count, &length) == 1 else {
            OpenSSLError.clearQueue()
            return nil
        }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
