import COpenSSL
import CShims
import Foundation

/// Builds and checks a certificate chain with OpenSSL at an explicit instant, with a store of its own per call
/// (so concurrent verifications never share a verification time).
public struct ChainVerifier: Sendable {
    public let anchors: [Certificate]

    public init(anchors: [Certificate]) {
        self.anchors = anchors
    }

    /// Verifies `leaf` (with `intermediates` as untrusted helpers) to one of the anchors at `instant`.
    /// With `hostname`, the leaf must also name that host (DNS name or IP address).
    public func verify(
        _ leaf: Certificate, intermediates: [Certificate] = [], at instant: Date, hostname: String? = nil
    ) -> ChainVerification {
        guard let store = X509_STORE_new() else { return .failed(.other, OpenSSLError.drain("creating a store").description) }
        defer { X509_STORE_free(store) }
        for anchor in anchors { X509_STORE_add_cert(store, anchor.pointer) }

        guard let untrusted = lcr_sk_X509_new_null() else { return .failed(.other, "out of memory") }
        defer { lcr_sk_X509_free(untrusted) }  // the stack only borrows the certificates
        for certificate in intermediates { _ = lcr_sk_X509_push(untrusted, certificate.pointer) }

        guard let context = X509_STORE_CTX_new() else { return .failed(.other, "out of memory") }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store, leaf.pointer, untrusted) == 1 else {
            return .failed(.other, OpenSSLError.drain("starting chain verification").description)
        }
        X509_STORE_CTX_set_purpose(context, X509_PURPOSE_ANY)
        X509_STORE_CTX_set_time(context, 0, time_t(instant.timeIntervalSince1970.rounded(.down)))
        if let hostname {
            let parameters = X509_STORE_CTX_get0_param(context)
            if IPAddress(hostname) != nil {
                X509_VERIFY_PARAM_set1_ip_asc(parameters, hostname)
            } else {
                X509_VERIFY_PARAM_set1_host(parameters, hostname, hostname.utf8.count)
            }
        }

        let result = X509_verify_cert(context)
        OpenSSLError.clearQueue()
        if result == 1 {
            var chain: [Certificate] = []
            if let built = X509_STORE_CTX_get0_chain(context) {
                for index in 0..<lcr_sk_X509_num(built) {
                    if let certificate = lcr_sk_X509_value(built, index) {
                        chain.append(Certificate(retaining: certificate))
                    }
                }
            }
            return .trusted(chain: chain)
        }
        let code = X509_STORE_CTX_get_error(context)
        let reason = String(cString: X509_verify_cert_error_string(Int(code)))
        return .failed(ChainFailureKind(openSSLCode: code), reason)
    }
}

/// The outcome of `ChainVerifier.verify`.
public enum ChainVerification: Sendable {
    /// The chain from leaf to anchor, leaf first.
    case trusted(chain: [Certificate])
    /// Why not, with OpenSSL's reason (e.g. "certificate has expired").
    case failed(ChainFailureKind, String)
}

/// The classes of chain failure our findings distinguish.
public enum ChainFailureKind: Sendable, Equatable {
    case expired
    case notYetValid
    case untrusted
    case hostnameMismatch
    case other

    init(openSSLCode code: Int32) {
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: self = .expired
        case X509_V_ERR_CERT_NOT_YET_VALID: self = .notYetValid
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
             X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
             X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_CERT_SIGNATURE_FAILURE:
            self = .untrusted
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH: self = .hostnameMismatch
        default: self = .other
        }
    }
}
