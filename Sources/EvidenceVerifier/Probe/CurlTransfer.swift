import CCurl
import COpenSSL
import CShims

/// One libcurl easy handle that connects to a checked address, completes the TLS handshake and stops
/// before sending a request. Owns the `CURL*`, its error buffer and its `CURLOPT_RESOLVE` list.
///
/// The TLS facts are read in libcurl's pre-request callback (`CURLOPT_PREREQFUNCTION`), which runs after
/// the handshake while the connection is still attached to the handle; the callback then aborts the
/// transfer, so no HTTP request is ever sent. (With `CURLOPT_CONNECT_ONLY` the handle is already detached
/// from its connection when the multi handle reports it done, and `CURLINFO_TLS_SSL_PTR` gives no `SSL*`.)
///
/// libcurl's own certificate checks are off on purpose: the prober reads the negotiated version and the
/// presented chain and verifies them itself against the HSCN anchors, so it can report what it saw.
/// Old protocol versions are let through (`@SECLEVEL=0`) for the same reason: to report a TLS 1.1 endpoint
/// as TLS 1.1 rather than as a handshake failure. Nothing is ever sent over the connection.
final class CurlTransfer {
    /// The `CURL*`.
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let resolveList: UnsafeMutablePointer<curl_slist>?
    /// Filled by the pre-request callback on the thread that drives the multi handle.
    private var capturedTLS: TLSObservation?

    /// Sets up a handle for `target` pinned to `addresses` (already checked against the address policy), with
    /// timeouts that end by `deadline`; nil when libcurl cannot make or fully configure a handle (then the
    /// endpoint fails: it is never probed with a setting missing, such as unpinned).
    init?(target: ProbeTarget, addresses: [IPAddress], configuration: ProbeConfiguration, deadline: ProbeDeadline) {
        var pins: UnsafeMutablePointer<curl_slist>? = nil
        if IPAddress(target.host) == nil {
            // host:port:addr[,addr] — libcurl connects only to these, never to a second DNS answer.
            let pinned = addresses.map { $0.isIPv4 ? "\($0)" : "[\($0)]" }.joined(separator: ",")
            guard let list = lcr_curl_slist_append(nil, "\(target.host):\(target.port):\(pinned)") else { return nil }
            pins = list
        }
        guard CurlGlobal.ensureInitialized(), let handle = lcr_curl_easy_init() else {
            lcr_curl_slist_free_all(pins)
            return nil
        }
        self.handle = handle
        resolveList = pins
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let remaining = deadline.remaining
        guard configure(
            target: target, connectTimeout: min(configuration.connectTimeout, remaining),
            totalTimeout: min(configuration.totalTimeout, remaining))
        else { return nil }
    }

    deinit {
        lcr_curl_easy_cleanup(handle)
        lcr_curl_slist_free_all(resolveList)
        errorBuffer.deallocate()
    }

    /// Copies out what the finished transfer saw. Call it when the multi handle reports the transfer done,
    /// before the handle is removed and freed.
    func outcome(code: CURLcode) -> TransferOutcome {
        // Only our pre-request callback aborts, and only after the handshake: that is the success case.
        let code = code == CURLE_ABORTED_BY_CALLBACK ? CURLE_OK : code
        var connect: curl_off_t = 0
        var handshake: curl_off_t = 0
        _ = lcr_curl_easy_getinfo_offset(handle, CURLINFO_CONNECT_TIME_T, &connect)
        _ = lcr_curl_easy_getinfo_offset(handle, CURLINFO_APPCONNECT_TIME_T, &handshake)
        return TransferOutcome(
            code: code, message: code == CURLE_OK ? nil : message(for: code),
            connectedAddress: connectedAddress(), connectMicros: Int64(connect), handshakeDoneMicros: Int64(handshake),
            tls: code == CURLE_OK ? capturedTLS : nil)
    }

    /// Called by libcurl after the TLS handshake and before the request: read the session, then stop.
    private static let preRequest: curl_prereq_callback = { userdata, _, _, _, _ in
        guard let userdata else { return CURL_PREREQFUNC_ABORT }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
        transfer.capturedTLS = transfer.tlsObservation()
        return CURL_PREREQFUNC_ABORT
    }

    /// True when libcurl took every option; any refused option (verification, pinning, timeouts, protocols)
    /// fails the endpoint.
    private func configure(target: ProbeTarget, connectTimeout: Duration, totalTimeout: Duration) -> Bool {
        let results: [CURLcode] = [
            lcr_curl_easy_setopt_string(handle, CURLOPT_URL, target.connectURL),
            lcr_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "https"),
            lcr_curl_easy_setopt_string(handle, CURLOPT_PROXY, ""),  // ignore proxy variables: probe this address
            lcr_curl_easy_setopt_long(handle, CURLOPT_NOBODY, 1),
            lcr_curl_easy_setopt_long(handle, CURLOPT_FRESH_CONNECT, 1),
            lcr_curl_easy_setopt_long(handle, CURLOPT_FORBID_REUSE, 1),
            lcr_curl_easy_setopt_prereq_function(handle, Self.preRequest),
            lcr_curl_easy_setopt_pointer(handle, CURLOPT_PREREQDATA, Unmanaged.passUnretained(self).toOpaque()),
            lcr_curl_easy_setopt_long(handle, CURLOPT_SSL_SESSIONID_CACHE, 0),  // a full handshake every time
            lcr_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            lcr_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 0),
            lcr_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 0),
            lcr_curl_easy_setopt_long(handle, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1),
            lcr_curl_easy_setopt_string(handle, CURLOPT_SSL_CIPHER_LIST, "DEFAULT:@SECLEVEL=0"),
            lcr_curl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, connectTimeout.wholeMilliseconds)),
            lcr_curl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, totalTimeout.wholeMilliseconds)),
            lcr_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            resolveList.map { lcr_curl_easy_setopt_slist(handle, CURLOPT_RESOLVE, $0) } ?? CURLE_OK,
        ]
        return results.allSatisfy { $0 == CURLE_OK }
    }

    private func message(for code: CURLcode) -> String {
        let buffered = String(cString: errorBuffer)
        return buffered.isEmpty ? String(cString: lcr_curl_easy_strerror(code)) : buffered
    }

    private func connectedAddress() -> String? {
        var ip: UnsafeMutablePointer<CChar>? = nil
        var port = 0
        guard lcr_curl_easy_getinfo_string(handle, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK, let ip,
              lcr_curl_easy_getinfo_long(handle, CURLINFO_PRIMARY_PORT, &port) == CURLE_OK,
              let address = IPAddress(String(cString: ip)), port > 0 else { return nil }
        return address.withPort(port)
    }

    private func tlsObservation() -> TLSObservation? {
        var session: UnsafeMutablePointer<curl_tlssessioninfo>? = nil
        guard lcr_curl_easy_getinfo_tls_session(handle, &session) == CURLE_OK, let session,
              session.pointee.backend == CURLSSLBACKEND_OPENSSL, let ssl = session.pointee.internals else { return nil }
        return TLSObservation(ssl: OpaquePointer(ssl))
    }
}
