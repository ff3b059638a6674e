/// One HSCN endpoint as probed (DESIGN §5 `endpoints`).
public struct EndpointRecord: Codable, Sendable, Equatable {
    public var url: String
    /// The address connected to (or refused), `ip:port`.
    public var address: String?
    /// `ok`, or the failure class (`unreachable`, `timeout`, `tls-failed`, `certificate-not-declared`, …),
    /// encoded as its raw value; a report naming a status this version does not know cannot be decoded.
    public var status: ProbeStatus
    public var tlsVersion: String?
    public var certificateSha256: String?
    public var connectMs: Int?
    public var handshakeMs: Int?
    public var error: String?

    public init(
        url: String, address: String? = nil, status: ProbeStatus, tlsVersion: String? = nil,
        certificateSha256: String? = nil, connectMs: Int? = nil, handshakeMs: Int? = nil, error: String? = nil
    ) {
        self.url = url
        self.address = address
        self.status = status
        self.tlsVersion = tlsVersion
        self.certificateSha256 = certificateSha256
        self.connectMs = connectMs
        self.handshakeMs = handshakeMs
        self.error = error
    }
}
