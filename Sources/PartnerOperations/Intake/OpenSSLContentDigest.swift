import EvidenceVerifier
import PartnerRegistry

/// The evidence store's digest, computed by the verifier's OpenSSL SHA-256. Any OpenSSL failure gives
/// an empty string, which the store refuses as not a digest: a failure never names a file.
struct OpenSSLContentDigest: ContentDigest {
    private let stream: SHA256Stream?
    private var failed = false

    init() {
        stream = try? SHA256Stream()
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        do {
            try stream?.update(bytes)
        } catch {
            failed = true
        }
    }

    mutating func finish() -> String {
        guard !failed, let stream, let digest = try? stream.finish() else { return "" }
        return digest
    }
}
