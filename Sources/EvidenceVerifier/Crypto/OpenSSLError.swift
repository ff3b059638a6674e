import COpenSSL

/// A failure inside OpenSSL, with the library's own reason strings drained from its per-thread error queue.
public struct OpenSSLError: Error, Sendable, CustomStringConvertible {
    /// What we were doing (e.g. "reading the certificate").
    public let operation: String
    /// OpenSSL's reasons, most recent last (e.g. "certificate has expired").
    public let reasons: [String]

    public var description: String {
        reasons.isEmpty ? operation : "\(operation): \(reasons.joined(separator: "; "))"
    }

    /// Reads and clears the calling thread's OpenSSL error queue. Call it right after the failing call.
    static func drain(_ operation: String) -> OpenSSLError {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else {
                reasons.append("error \(code)")
            }
        }
        return OpenSSLError(operation: operation, reasons: reasons)
    }

    /// Discards whatever a tolerated failure left on the calling thread's error queue.
    static func clearQueue() { ERR_clear_error() }
}
