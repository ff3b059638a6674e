import COpenSSL

/// What a chain is verified for: OpenSSL's purpose checks on the leaf and the CAs above it.
public enum CertificatePurpose: Sendable {
    /// Signatures on evidence and reports: OpenSSL checks no purpose, and `SignerKeyUsage` applies ours.
    case any
    /// A TLS server (HSCN endpoints and their declared certificates): `X509_PURPOSE_SSL_SERVER`.
    case tlsServer

    var openSSLValue: Int32 {
        switch self {
        case .any: X509_PURPOSE_ANY
        case .tlsServer: X509_PURPOSE_SSL_SERVER
        }
    }
}
