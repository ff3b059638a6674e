import CCurl
import CShims

/// Turns what a transfer saw into an `EndpointRecord`: classifies libcurl failures, then applies the
/// rules libcurl was told not to: minimum TLS version, a chain to an HSCN anchor naming the host at the
/// as-of instant, and (when certificates are declared) a declared leaf.
struct EndpointAssessment {
    let configuration: ProbeConfiguration

    func record(for probe: ReadyProbe, outcome: TransferOutcome) -> EndpointRecord {
        var record = EndpointRecord(
            url: probe.target.url,
            address: outcome.connectedAddress ?? probe.addresses[0].withPort(probe.target.port),
            status: .ok,
            connectMs: outcome.connectMicros > 0 ? Self.milliseconds(outcome.connectMicros) : nil,
            handshakeMs: outcome.handshakeDoneMicros > outcome.connectMicros && outcome.connectMicros > 0
                ? Self.milliseconds(outcome.handshakeDoneMicros - outcome.connectMicros) : nil)

        guard outcome.code == CURLE_OK else {
            let message = outcome.message ?? "libcurl error \(outcome.code.rawValue)"
            return failed(record, Self.classify(outcome.code, message: message), message)
        }
        guard let tls = outcome.tls, let leaf = tls.peerChain.first else {
            return failed(record, .tlsFailed, "the TLS session or the peer's certificate could not be read")
        }
        record.tlsVersion = tls.version.description
        record.certificateSha256 = leaf.sha256Fingerprint

        if tls.version < configuration.minimumTLSVersion {
            return failed(record, .tlsVersion, "negotiated \(tls.version), below the minimum \(configuration.minimumTLSVersion)")
        }
        let verifier = ChainVerifier(anchors: configuration.anchors)
        let verdict = verifier.verify(
            leaf, intermediates: Array(tls.peerChain.dropFirst()), at: configuration.asOf, purpose: .tlsServer,
            hostname: probe.target.host)
        if case .failed(let kind, let reason) = verdict {
            if kind == .hostnameMismatch {
                return failed(record, .hostnameMismatch, "the certificate (\(leaf.subject)) does not name \(probe.target.host): \(reason)")
            }
            if kind == .wrongPurpose {
                return failed(record, .certificateUntrusted, "the presented chain (\(leaf.subject)) is not meant for a TLS server: \(reason)")
            }
            return failed(record, .certificateUntrusted, "the presented chain is not trusted by the HSCN anchors: \(reason)")
        }
        if let declared = configuration.declaredCertificateSha256, !declared.contains(leaf.sha256Fingerprint) {
            return failed(record, .certificateNotDeclared, "presents \(leaf.subject) (SHA-256 \(leaf.sha256Fingerprint)), which is not a declared HSCN certificate")
        }
        return record
    }

    private func failed(_ record: EndpointRecord, _ status: ProbeStatus, _ error: String) -> EndpointRecord {
        var record = record
        record.status = status
        record.error = error
        return record
    }

    /// The failure class of a libcurl error.
    static func classify(_ code: CURLcode, message: String) -> ProbeStatus {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
            return .unreachable
        default:
            let text = message.lowercased()
            let versionProblems = ["unsupported protocol", "protocol version", "wrong version number", "no protocols available"]
            if versionProblems.contains(where: text.contains) { return .tlsVersion }
            if text.contains("ssl") || text.contains("tls") || code == CURLE_SSL_CONNECT_ERROR { return .tlsFailed }
            return .unreachable
        }
    }

    private static func milliseconds(_ micros: Int64) -> Int { Int((micros + 500) / 1000) }
}
