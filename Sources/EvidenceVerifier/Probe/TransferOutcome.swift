import CCurl
import CShims

/// What libcurl reported for one finished connect-and-handshake transfer, copied out before its handle is freed.
struct TransferOutcome: Sendable {
    /// libcurl's result code (`CURLE_OK` when the TLS handshake completed).
    let code: CURLcode
    /// libcurl's error message, when the transfer failed.
    let message: String?
    /// The address connected to, `ip:port`, when a connection was made.
    let connectedAddress: String?
    /// Microseconds from start until the TCP connection was up (0 when it never was).
    let connectMicros: Int64
    /// Microseconds from start until the TLS handshake was done (0 when it never was).
    let handshakeDoneMicros: Int64
    /// The negotiated TLS facts, when the handshake completed.
    let tls: TLSObservation?

    /// A transfer the probe run's deadline cut off, before it started or while it was under way.
    static func deadlinePassed(started: Bool, runLimit: Duration) -> TransferOutcome {
        let deadline = "the probe run's deadline (\(runLimit.wholeMilliseconds) ms for all endpoints together)"
        return TransferOutcome(
            code: CURLE_OPERATION_TIMEDOUT,
            message: started ? "not finished by \(deadline)" : "not started before \(deadline) passed; declare fewer endpoints or raise probe.concurrency",
            connectedAddress: nil, connectMicros: 0, handshakeDoneMicros: 0, tls: nil)
    }

    /// A transfer libcurl could not run at all.
    static func failedToRun(_ message: String) -> TransferOutcome {
        TransferOutcome(
            code: CURLE_FAILED_INIT, message: message, connectedAddress: nil, connectMicros: 0, handshakeDoneMicros: 0, tls: nil)
    }
}
