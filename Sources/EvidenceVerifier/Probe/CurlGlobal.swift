import CCurl

/// libcurl's process-wide initialisation, done once before the first handle is made.
enum CurlGlobal {
    /// `curl_global_init`'s result; Swift runs a `static let` initialiser exactly once, thread-safely.
    private static let initialized: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// True when libcurl is ready; call before `curl_easy_init` / `curl_multi_init`.
    static func ensureInitialized() -> Bool { initialized == CURLE_OK }
}
