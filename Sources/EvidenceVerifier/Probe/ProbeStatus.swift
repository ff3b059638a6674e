/// The outcome class of one endpoint probe; the raw value is `EndpointRecord.status`.
public enum ProbeStatus: String, Codable, Sendable, CaseIterable {
    /// TLS 1.2 or later, a chain to an HSCN anchor naming the host, and (when certificates are declared) a declared leaf.
    case ok = "ok"
    /// Not an `https` URL with a usable host and port.
    case invalidURL = "invalid-url"
    /// Every address of the host lies in a refused range (loopback, private, …) outside the allowed networks.
    case addressNotAllowed = "address-not-allowed"
    /// The name did not resolve, or the connection was refused or reset.
    case unreachable = "unreachable"
    /// The connect or total timeout passed.
    case timeout = "timeout"
    /// The TLS handshake failed for a reason other than the protocol version.
    case tlsFailed = "tls-failed"
    /// The endpoint negotiated (or only offers) a TLS version below the policy's minimum.
    case tlsVersion = "tls-version"
    /// The presented chain does not lead to an HSCN anchor at the as-of instant (untrusted, expired, not yet valid).
    case certificateUntrusted = "certificate-untrusted"
    /// The chain is trusted but does not name the URL's host.
    case hostnameMismatch = "hostname-mismatch"
    /// The presented leaf is none of the bundle's declared HSCN certificates.
    case certificateNotDeclared = "certificate-not-declared"
}
