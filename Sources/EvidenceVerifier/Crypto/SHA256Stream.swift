import COpenSSL

/// An incremental SHA-256 through OpenSSL's EVP interface, fed chunk by chunk (e.g. while a file is
/// copied). It owns its digest context and frees it on deinit. Any OpenSSL failure makes `finish`
/// return nil, never a digest.
public final class SHA256Stream {
    private let context: OpaquePointer?
    private var failed: Bool

    public init() {
        ERR_clear_error()
        context = EVP_MD_CTX_new()
        failed = context == nil || EVP_DigestInit_ex(context, EVP_sha256(), nil) != 1
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard !failed, bytes.count > 0 else { return }
        if EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) != 1 { failed = true }
    }

    /// Lower-case hex of the digest of everything fed, or nil when OpenSSL failed at any step.
    public func finish() -> String? {
        guard !failed else { return nil }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        failed = true  // a context is finished once
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else { return nil }
        return SHA256Digest.hexString(digest)
    }
}
