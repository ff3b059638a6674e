import COpenSSL
import CShims
import Foundation

/// Builds and checks a certificate chain with OpenSSL at an explicit instant. The anchors' store is built
/// once and shared by every call; each call's time, purpose and host are set on its own context, so
/// concurrent verifications never share a verification time.
public struct ChainVerifier: Sendable {
    public let anchors: [Certificate]
    /// The anchors' store, or why it could not be built (then every verification fails).
    private let store: Result<TrustStore, OpenSSLError>

    public init(anchors: [Certificate]) {
        self.anchors = anchors
        do {
            store = .success(try TrustStore(anchors: anchors))
        } catch {
            store = .failure(error)
        }
    }

    /// Verifies `leaf` (with `intermediates` as untrusted helpers) to one of the anchors at `instant`, for
    /// `purpose`. With `hostname`, the leaf must also name that host (DNS name or IP address). Every OpenSSL
    /// call that sets up the check must succeed: a failure is a failed verification, never a looser one.
    public func verify(
        _ leaf: Certificate, intermediates: [Certificate] = [], at instant: Date, purpose: CertificatePurpose,
        hostname: String? = nil
    ) -> ChainVerification {
        let store: TrustStore
        switch self.store {
        case .success(let built): store = built
        case .failure(let error): return .failed(.other, error.description)
        }
        OpenSSLError.clearQueue()
        guard let untrusted = lcr_sk_X509_new_null() else { return setupFailure("allocating") }
        defer { lcr_sk_X509_free(untrusted) }  // the stack only borrows the certificates
        for certificate in intermediates where lcr_sk_X509_push(untrusted, certificate.pointer) <= 0 {
            return setupFailure("allocating")
        }

        guard let context = X509_STORE_CTX_new() else { return setupFailure("allocating") }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store.pointer, leaf.pointer, untrusted) == 1 else {
            return setupFailure("starting chain verification")
        }
        guard X509_STORE_CTX_set_purpose(context, purpose.openSSLValue) == 1 else {
            return setupFailure("setting the certificate purpose")
        }
        X509_STORE_CTX_set_time(context, 0, time_t(instant.timeIntervalSince1970.rounded(.down)))
        if let hostname, !Self.expect(hostname, in: X509_STORE_CTX_get0_param(context)) {
            OpenSSLError.clearQueue()
            return .failed(.hostnameMismatch, "the expected host name is not one OpenSSL can match (empty, or holding a NUL byte)")
        }

        OpenSSLError.clearQueue()
        let result = X509_verify_cert(context)
        OpenSSLError.clearQueue()
        guard result == 1 else {
            let code = X509_STORE_CTX_get_error(context)
            // A negative result is an internal error that may leave the code at "ok": never read that as trust.
            guard code != X509_V_OK else { return .failed(.other, "OpenSSL could not complete the verification") }
            return .failed(ChainFailureKind(openSSLCode: code), String(cString: X509_verify_cert_error_string(Int(code))))
        }
        guard let built = X509_STORE_CTX_get0_chain(context) else {
            return .failed(.other, "OpenSSL verified the chain but did not return it")
        }
        // The chain is made of the certificates handed in (the leaf, helpers, anchors), so each is found again
        // by its pointer rather than read a second time; any other is read as a new certificate.
        let known = [leaf] + intermediates + anchors
        var chain: [Certificate] = []
        for index in 0..<lcr_sk_X509_num(built) {
            guard let pointer = lcr_sk_X509_value(built, index),
                  let certificate = known.first(where: { $0.pointer == pointer }) ?? (try? Certificate(retaining: pointer)) else {
                return .failed(.other, "the verified chain holds a certificate that cannot be read")
            }
            chain.append(certificate)
        }
        return .trusted(chain: chain)
    }

    /// Sets the host (or IP address) the leaf must name; false when OpenSSL refuses it, which would
    /// otherwise leave host checking off.
    private static func expect(_ hostname: String, in parameters: OpaquePointer?) -> Bool {
        guard let parameters, !hostname.isEmpty else { return false }
        if let address = IPAddress(hostname) {
            return address.bytes.withUnsafeBufferPointer { bytes in
                X509_VERIFY_PARAM_set1_ip(parameters, bytes.baseAddress, bytes.count)
            } == 1
        }
        return X509_VERIFY_PARAM_set1_host(parameters, hostname, hostname.utf8.count) == 1
    }

    private func setupFailure(_ operation: String) -> ChainVerification {
        .failed(.other, OpenSSLError.drain(operation).description)
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
    /// The chain is not meant for the purpose asked (e.g. a client-only certificate presented by a server).
    case wrongPurpose
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
        case X509_V_ERR_INVALID_PURPOSE: self = .wrongPurpose
        default: self = .other
        }
    }
}
