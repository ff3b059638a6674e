import CCurl
import CShims
import Foundation

/// Sends one notification through libcurl, which the verifier already links: an HTTP(S) POST of a JSON
/// body (a webhook) or one plain-text mail over SMTP. Each call owns its easy handle, header and
/// recipient lists and MIME message, frees them before returning, and is bounded by its timeouts.
/// Every option that cannot be set, and every transfer that does not end in success (a 2xx answer for a
/// POST, an accepted message for SMTP), is a failure with libcurl's reason: never a silent send.
public enum NotificationTransfer {
    /// POSTs `body` as `application/json` to an `http://` or `https://` URL (certificates verified);
    /// nil when the server answered 2xx, else why not.
    public static func postJSON(_ body: Data, to url: String, timeoutSeconds: Double) -> String? {
        guard let easy = Easy(url: url, protocols: "http,https", timeoutSeconds: timeoutSeconds) else {
            return "libcurl could not set up the request"
        }
        guard easy.headers(["Content-Type: application/json"]), easy.set(CURLOPT_POSTFIELDSIZE, body.count) else {
            return "libcurl could not set up the request"
        }
        let failure: String? = body.withUnsafeBytes { raw in
            guard lcr_curl_easy_setopt_pointer(easy.handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress)) == CURLE_OK
            else { return "libcurl could not set up the request" }
            return easy.perform()
        }
        if let failure { return failure }
        var status = 0
        _ = lcr_curl_easy_getinfo_long(easy.handle, CURLINFO_RESPONSE_CODE, &status)
        return (200..<300).contains(status) ? nil : "the server answered HTTP \(status)"
    }

    /// Sends one plain-text mail through an `smtp://` or `smtps://` server; nil when it was accepted.
    public static func sendMail(
        server: String, from: String, to recipients: [String], subject: String, body: String, timeoutSeconds: Double
    ) -> String? {
        guard let easy = Easy(url: server, protocols: "smtp,smtps", timeoutSeconds: timeoutSeconds),
            lcr_curl_easy_setopt_string(easy.handle, CURLOPT_MAIL_FROM, "<\(from)>") == CURLE_OK,
            easy.recipients(recipients.map { "<\($0)>" }),
            easy.headers(["Subject: \(subject)", "From: <\(from)>", "To: " + recipients.map { "<\($0)>" }.joined(separator: ", ")]),
            easy.plainTextMessage(body)
        else { return "libcurl could not set up the mail" }
        return easy.perform()
    }

    /// One `CURL*` with what it points at; everything is freed in deinit, after the transfer.
    private final class Easy {
        let handle: UnsafeMutableRawPointer
        private let errorBuffer: UnsafeMutablePointer<CChar>
        private var lists: [UnsafeMutablePointer<curl_slist>] = []
        private var mime: OpaquePointer?

        init?(url: String, protocols: String, timeoutSeconds: Double) {
            guard CurlGlobal.ensureInitialized(), let handle = curl_easy_init() else { return nil }
            self.handle = handle
            errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
            errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
            let milliseconds = max(1, Int(timeoutSeconds * 1000))
            guard lcr_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer) == CURLE_OK,
                lcr_curl_easy_setopt_string(handle, CURLOPT_URL, url) == CURLE_OK,
                lcr_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, protocols) == CURLE_OK,
                set(CURLOPT_NOSIGNAL, 1), set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds), set(CURLOPT_TIMEOUT_MS, milliseconds),
                set(CURLOPT_FOLLOWLOCATION, 0), set(CURLOPT_SSL_VERIFYPEER, 1), set(CURLOPT_SSL_VERIFYHOST, 2),
                lcr_curl_easy_setopt_write_function(handle, Self.discard) == CURLE_OK
            else { return nil }
        }

        deinit {
            curl_easy_cleanup(handle)
            curl_mime_free(mime)
            for list in lists { curl_slist_free_all(list) }
            errorBuffer.deallocate()
        }

        func set(_ option: CURLoption, _ value: Int) -> Bool {
            lcr_curl_easy_setopt_long(handle, option, value) == CURLE_OK
        }

        func headers(_ lines: [String]) -> Bool {
            guard let list = Self.list(lines) else { return false }
            lists.append(list)
            return lcr_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list) == CURLE_OK
        }

        func recipients(_ addresses: [String]) -> Bool {
            guard let list = Self.list(addresses) else { return false }
            lists.append(list)
            return lcr_curl_easy_setopt_slist(handle, CURLOPT_MAIL_RCPT, list) == CURLE_OK
        }

        /// The mail's body as one `text/plain; charset=utf-8` part.
        func plainTextMessage(_ text: String) -> Bool {
            guard let mime = curl_mime_init(handle) else { return false }
            self.mime = mime
            guard let part = curl_mime_addpart(mime),
                curl_mime_data(part, text, text.utf8.count) == CURLE_OK,
                curl_mime_type(part, "text/plain; charset=utf-8") == CURLE_OK
            else { return false }
            return lcr_curl_easy_setopt_pointer(handle, CURLOPT_MIMEPOST, UnsafeMutableRawPointer(mime)) == CURLE_OK
        }

        /// Runs the transfer; nil on success, else libcurl's reason.
        func perform() -> String? {
            let code = curl_easy_perform(handle)
            guard code != CURLE_OK else { return nil }
            let detail = String(cString: errorBuffer)
            return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        }

        private static func list(_ lines: [String]) -> UnsafeMutablePointer<curl_slist>? {
            var list: UnsafeMutablePointer<curl_slist>?
            for line in lines {
                guard let extended = curl_slist_append(list, line) else {
                    curl_slist_free_all(list)
                    return nil
                }
                list = extended
            }
            return list
        }

        private static let discard: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { _, size, count, _ in
            size * count
        }
    }
}
