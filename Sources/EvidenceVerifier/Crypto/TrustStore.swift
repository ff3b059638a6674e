import COpenSSL
import CShims

/// An OpenSSL certificate store holding a set of trust anchors, built once and shared by every chain
/// verification against them: this class owns one `X509_STORE*` and frees it when released.
///
/// Immutable after init, so it may cross concurrency domains: a verification's time, purpose and host are
/// set on its own `X509_STORE_CTX` (which copies the store's parameters), never on the store, and OpenSSL
/// locks the store's lookups.
final class TrustStore: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Fails (with OpenSSL's reason) when the store cannot be made or an anchor cannot be added.
    init(anchors: [Certificate]) throws(OpenSSLError) {
        OpenSSLError.clearQueue()
        guard let store = X509_STORE_new() else { throw OpenSSLError.drain("creating a store") }
        for anchor in anchors where X509_STORE_add_cert(store, anchor.pointer) != 1 {
            X509_STORE_free(store)
            throw OpenSSLError.drain("adding a trust anchor")
        }
        pointer = store
    }

    deinit { X509_STORE_free(pointer) }
}
