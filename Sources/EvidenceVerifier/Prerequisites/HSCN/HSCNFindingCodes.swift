/// Finding codes of the `hscn` check (a contract: never rename one).
extension FindingCode {
    /// No usable `hscn-certificate` evidence.
    public static let certificateMissing = FindingCode("certificate.missing")
    /// An `hscn-certificate` file is neither PEM nor DER certificates.
    public static let certificateMalformed = FindingCode("certificate.malformed")
    /// The chain does not lead to an anchor in `--trust DIR/hscn`.
    public static let certificateUntrusted = FindingCode("certificate.untrusted")
    public static let certificateExpired = FindingCode("certificate.expired")
    public static let certificateNotYetValid = FindingCode("certificate.not-yet-valid")
    /// RSA below `minimumRSABits`, EC below `minimumECBits`, or a key type the policy does not accept.
    public static let certificateWeakKey = FindingCode("certificate.weak-key")
    /// Signed with a refused digest (MD5, SHA-1).
    public static let certificateWeakSignature = FindingCode("certificate.weak-signature")
    /// The first certificate of a file (the leaf) is a CA certificate.
    public static let certificateCAAsLeaf = FindingCode("certificate.ca-as-leaf")
    /// Expires within `expiryWarningDays` of the as-of instant.
    public static let certificateExpiringSoon = FindingCode("certificate.expiring-soon")
    /// What a certificate is (subject, names, key, signature, fingerprint); informational.
    public static let certificateDetails = FindingCode("certificate.details")
    /// `--trust DIR/hscn` could not be read, so no chain can be trusted.
    public static let hscnTrustAnchorsUnavailable = FindingCode("hscn.trust-anchors-unavailable")

    public static let endpointOK = FindingCode("endpoint.ok")
    public static let endpointInvalidURL = FindingCode("endpoint.invalid-url")
    public static let endpointAddressNotAllowed = FindingCode("endpoint.address-not-allowed")
    public static let endpointUnreachable = FindingCode("endpoint.unreachable")
    public static let endpointTimeout = FindingCode("endpoint.timeout")
    public static let endpointTLSFailed = FindingCode("endpoint.tls-failed")
    public static let endpointTLSVersion = FindingCode("endpoint.tls-version")
    public static let endpointCertificateUntrusted = FindingCode("endpoint.certificate-untrusted")
    public static let endpointHostnameMismatch = FindingCode("endpoint.hostname-mismatch")
    public static let endpointCertificateNotDeclared = FindingCode("endpoint.certificate-not-declared")
    /// `--no-probe`: the declared endpoints were not contacted.
    public static let endpointsNotProbed = FindingCode("endpoints.not-probed")
    /// The manifest declares no `hscn.endpoints`.
    public static let endpointsNoneDeclared = FindingCode("endpoints.none-declared")
    /// The manifest declares more `hscn.endpoints` than `probe.maximumEndpoints`; none is probed.
    public static let endpointsTooMany = FindingCode("endpoints.too-many")

    /// The finding code for a probe outcome (`endpoint.<status>`).
    static func endpoint(_ status: ProbeStatus) -> FindingCode {
        switch status {
        case .ok: .endpointOK
        case .invalidURL: .endpointInvalidURL
        case .addressNotAllowed: .endpointAddressNotAllowed
        case .unreachable: .endpointUnreachable
        case .timeout: .endpointTimeout
        case .tlsFailed: .endpointTLSFailed
        case .tlsVersion: .endpointTLSVersion
        case .certificateUntrusted: .endpointCertificateUntrusted
        case .hostnameMismatch: .endpointHostnameMismatch
        case .certificateNotDeclared: .endpointCertificateNotDeclared
        }
    }
}
