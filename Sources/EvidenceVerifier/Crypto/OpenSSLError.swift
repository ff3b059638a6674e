import COpenSSL

/// A failure inside OpenSSL, with the library's own reasons drained from its per-thread error queue.
public struct OpenSSLError: Error, Sendable, CustomStringConvertible {
    /// What we were doing (e.g. "reading the certificate").
    public let operation: String
    /// OpenSSL's reason strings, most recent last (e.g. "certificate has expired"), for people.
    public let reasons: [String]
    /// OpenSSL's packed error codes in the same order, for matching (`contains(library:reason:)`).
    let codes: [UInt]

    public var description: String {
        reasons.isEmpty ? operation : "\(operation): \(reasons.joined(separator: "; "))"
    }

    /// True when one of the errors is `reason` of `library` (`ERR_LIB_PEM`, `PEM_R_NO_START_LINE`):
    /// errors are matched by code, never by message text.
    func contains(library: Int32, reason: Int32) -> Bool {
        codes.contains { ERR_GET_LIB($0) == library && ERR_GET_REASON($0) == reason }
    }

    /// True when every error is `reason` of `library` (and there is at least one).
    func consists(ofOnly library: Int32, reason: Int32) -> Bool {
        !codes.isEmpty && codes.allSatisfy { ERR_GET_LIB($0) == library && ERR_GET_REASON($0) == reason }
    }

    /// Reads and clears the calling thread's OpenSSL error queue. Call it right after the failing call.
    static func drain(_ operation: String) -> OpenSSLError {
        var reasons: [String] = []
        var codes: [UInt] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            codes.append(code)
            if let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else {
                reasons.append("error \(code)")
            }
        }
        return OpenSSLError(operation: operation, reasons: reasons, codes: codes)
    }

    /// Empties the calling thread's error queue: before an operation (so what it leaves is its own) and
    /// after a tolerated failure.
    static func clearQueue() { ERR_clear_error() }
}
