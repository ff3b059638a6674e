import CCurl
import CShims
import Foundation

/// Sends one notification through libcurl, which the verifier already uses (loaded on the first transfer): an HTTP(S) POST of a JSON
/// body (a webhook) or one plain-text mail over SMTP. Each call owns its easy handle, header and
/// recipient lists and MIME message, frees them before returning, and is bounded by its timeouts.
/// Every option that cannot be set, and every transfer that does not end in success (a 2xx answer for a
/// POST, an accepted message for SMTP), is a failure with libcurl's reason: never a silent send.
public enum NotificationTransfer {
    /// POSTs `body` as `application/json` to an `http://` or `https://` URL (certificates verified);
    /// nil when the server answered 2xx, else why not.
    public static func postJSON(_ body: Data, to url: String, timeoutSeconds: Double) -> String? {
        guard let easy = CurlEasy(url: url, protocols: "http,https", connectSeconds: timeoutSeconds, totalSeconds: timeoutSeconds) else {
            return CurlGlobal.failure ?? "libcurl could not set up the request"
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
        let status = easy.responseCode
        return (200..<300).contains(status) ? nil : "the server answered HTTP \(status)"
    }

    /// Sends one plain-text mail through an `smtp://` or `smtps://` server; nil when it was accepted.
    public static func sendMail(
        server: String, from: String, to recipients: [String], subject: String, body: String, timeoutSeconds: Double
    ) -> String? {
        guard let easy = CurlEasy(url: server, protocols: "smtp,smtps", connectSeconds: timeoutSeconds, totalSeconds: timeoutSeconds),
            lcr_curl_easy_setopt_string(easy.handle, CURLOPT_MAIL_FROM, "<\(from)>") == CURLE_OK,
            easy.recipients(recipients.map { "<\($0)>" }),
            easy.headers(["Subject: \(subject)", "From: <\(from)>", "To: " + recipients.map { "<\($0)>" }.joined(separator: ", ")]),
            easy.plainTextMessage(body)
        else { return CurlGlobal.failure ?? "libcurl could not set up the mail" }
        return easy.perform()
    }
}
