import CCurl
import CShims

/// libcurl made ready once, before the first handle: loaded (the process does not link it; CShims dlopens
/// `libcurl.so.4` on first use, so runs that never transfer never map it) and then `curl_global_init`.
enum CurlGlobal {
    /// Why libcurl cannot be used, or nil when it is ready; Swift runs a `static let` initialiser exactly
    /// once, thread-safely.
    private static let unavailability: String? = {
        guard lcr_curl_load() != 0 else { return "libcurl could not be loaded: \(String(cString: lcr_curl_load_error()))" }
        let code = lcr_curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        guard code == CURLE_OK else {
            return "libcurl could not be initialised: \(String(cString: lcr_curl_easy_strerror(code)))"
        }
        return nil
    }()

    /// True when libcurl is ready; call before `lcr_curl_easy_init` / `lcr_curl_multi_init`.
    static func ensureInitialized() -> Bool { unavailability == nil }

    /// One line saying why libcurl is not ready (it could not be loaded, or not initialised), or nil when it is.
    /// A caller whose handle could not be made reports this rather than its own, vaguer reason.
    static var failure: String? { unavailability }
}
