import COpenSSL
import CShims

/// What one TLS handshake showed: the negotiated protocol version and the chain the peer presented (leaf first).
struct TLSObservation: Sendable {
    let version: TLSProtocolVersion
    let peerChain: [Certificate]

    /// Reads a live `SSL*` (borrowed from libcurl; this takes its own references to the certificates).
    init(ssl: OpaquePointer) {
        version = TLSProtocolVersion(wireValue: SSL_version(ssl))
        var chain: [Certificate] = []
        if let stack = SSL_get_peer_cert_chain(ssl) {
            for index in 0..<lcr_sk_X509_num(stack) {
                if let certificate = lcr_sk_X509_value(stack, index) { chain.append(Certificate(retaining: certificate)) }
            }
        }
        if chain.isEmpty, let leaf = SSL_get1_peer_certificate(ssl) { chain = [Certificate(owning: leaf)] }
        peerChain = chain
    }
}
