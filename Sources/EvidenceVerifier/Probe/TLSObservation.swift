import COpenSSL
import CShims

/// What one TLS handshake showed: the negotiated protocol version and the chain the peer presented (leaf first).
struct TLSObservation: Sendable {
    let version: TLSProtocolVersion
    /// Empty when the peer presented none, or any certificate OpenSSL cannot read (such a chain is not judged).
    let peerChain: [Certificate]

    /// Reads a live `SSL*` (borrowed from libcurl; this takes its own references to the certificates).
    init(ssl: OpaquePointer) {
        version = TLSProtocolVersion(wireValue: SSL_version(ssl))
        peerChain = Self.chain(ssl) ?? []
    }

    private static func chain(_ ssl: OpaquePointer) -> [Certificate]? {
        if let stack = SSL_get_peer_cert_chain(ssl), lcr_sk_X509_num(stack) > 0 {
            var chain: [Certificate] = []
            for index in 0..<lcr_sk_X509_num(stack) {
                guard let pointer = lcr_sk_X509_value(stack, index), let certificate = try? Certificate(retaining: pointer) else { return nil }
                chain.append(certificate)
            }
            return chain
        }
        guard let leaf = SSL_get1_peer_certificate(ssl), let certificate = try? Certificate(owning: leaf) else { return nil }
        return [certificate]
    }
}
