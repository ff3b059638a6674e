import Foundation

/// Everything one probe run needs: what to trust, which certificates were declared, the instant,
/// the networks it may reach, and its limits.
public struct ProbeConfiguration: Sendable {
    /// HSCN trust anchors every presented chain must lead to.
    public var anchors: [Certificate]
    /// Lower-case SHA-256 fingerprints of the declared HSCN certificates; nil skips the "declared certificate" rule
    /// (the `probe` command on its own), but chain and host name are still checked.
    public var declaredCertificateSha256: Set<String>?
    /// The instant at which presented chains must be valid.
    public var asOf: Date
    public var addressPolicy: AddressPolicy
    /// Lowest acceptable negotiated TLS version.
    public var minimumTLSVersion: TLSProtocolVersion
    public var connectTimeout: Duration
    public var totalTimeout: Duration
    /// Most endpoints probed at once (at least 1).
    public var concurrency: Int

    /// How long a whole run may take, however many endpoints it has: one total timeout plus a second for
    /// start-up and reading results. Name look-ups, connections and handshakes all end by then.
    public var runTimeLimit: Duration { totalTimeout + .seconds(1) }

    public init(
        anchors: [Certificate], declaredCertificateSha256: Set<String>?, asOf: Date,
        allowedNetworks: [IPNetwork], minimumTLSVersion: TLSProtocolVersion = .tls1_2,
        connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(10), concurrency: Int = 32
    ) {
        self.anchors = anchors
        self.declaredCertificateSha256 = declaredCertificateSha256.map { Set($0.map { $0.lowercased() }) }
        self.asOf = asOf
        self.addressPolicy = AddressPolicy(allowedNetworks: allowedNetworks)
        self.minimumTLSVersion = minimumTLSVersion
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.concurrency = max(1, concurrency)
    }

    /// A configuration with the policy's timeouts, concurrency and minimum TLS version
    /// (TLS 1.2 when the policy's text is not a version).
    public init(
        policy: Policy, anchors: [Certificate], declaredCertificateSha256: Set<String>?, asOf: Date,
        allowedNetworks: [IPNetwork]
    ) {
        self.init(
            anchors: anchors, declaredCertificateSha256: declaredCertificateSha256, asOf: asOf,
            allowedNetworks: allowedNetworks,
            minimumTLSVersion: TLSProtocolVersion(policyText: policy.hscn.minimumTLSVersion) ?? .tls1_2,
            connectTimeout: Self.duration(seconds: policy.probe.connectTimeoutSeconds),
            totalTimeout: Self.duration(seconds: policy.probe.totalTimeoutSeconds),
            concurrency: policy.probe.concurrency)
    }

    /// A policy's seconds as a duration between 1 ms and 1 hour (a policy file may hold any number).
    private static func duration(seconds: Double) -> Duration {
        guard seconds.isFinite else { return .seconds(3600) }
        return .milliseconds(Int64((min(max(seconds, 0.001), 3600) * 1000).rounded()))
    }
}
