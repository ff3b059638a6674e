import COpenSSL

/// SHA-256 over bytes fed in pieces, through OpenSSL's EVP interface. Every call is checked: a failure
/// throws, so a digest is never made of zeros.
public final class SHA256Stream {
    private let context: OpaquePointer

    public init() throws(OpenSSLError) {
        OpenSSLError.clearQueue()
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLError.drain("creating a digest context") }
        self.context = context
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { throw OpenSSLError.drain("starting SHA-256") }
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: UnsafeRawBufferPointer) throws(OpenSSLError) {
        guard !bytes.isEmpty else { return }
        guard EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1 else { throw OpenSSLError.drain("hashing with SHA-256") }
    }

    /// Lower-case hex of the digest of everything fed so far; call once.
    public func finish() throws(OpenSSLError) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else { throw OpenSSLError.drain("finishing SHA-256") }
        return SHA256Digest.hexString(digest)
    }
}
