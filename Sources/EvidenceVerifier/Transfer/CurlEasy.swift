import CCurl
import CShims
import Foundation

/// One libcurl easy handle for an outgoing transfer (a notification, an upload, a download) with what it
/// points at: the error buffer, header and recipient lists, a MIME message, and the boxes its callbacks
/// read and write. Everything is freed in deinit, after the transfer. Certificates are always verified
/// (peer and host name); there is no switch to turn that off. Every transfer has a connect and a total
/// timeout, and never follows redirects.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private var mime: OpaquePointer?
    private var sink: ResponseSink?
    private var source: FileSource?
    private var progress: ProgressBox?

    init?(url: String, protocols: String, connectSeconds: Double, totalSeconds: Double) {
        guard CurlGlobal.ensureInitialized(), let handle = lcr_curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        guard lcr_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer) == CURLE_OK,
            lcr_curl_easy_setopt_string(handle, CURLOPT_URL, url) == CURLE_OK,
            lcr_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, protocols) == CURLE_OK,
            set(CURLOPT_NOSIGNAL, 1), set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(connectSeconds)),
            set(CURLOPT_TIMEOUT_MS, Self.milliseconds(totalSeconds)),
            set(CURLOPT_FOLLOWLOCATION, 0), set(CURLOPT_SSL_VERIFYPEER, 1), set(CURLOPT_SSL_VERIFYHOST, 2),
            lcr_curl_easy_setopt_write_function(handle, Self.discard) == CURLE_OK
        else { return nil }
    }

    deinit {
        lcr_curl_easy_cleanup(handle)
        lcr_curl_mime_free(mime)
        for list in lists { lcr_curl_slist_free_all(list) }
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

    /// Trusts only the PEM certificates in `file` for the server's chain (instead of the system's).
    func trustOnly(caFile file: String) -> Bool {
        lcr_curl_easy_setopt_string(handle, CURLOPT_CAINFO, file) == CURLE_OK
    }

    /// The mail's body as one `text/plain; charset=utf-8` part.
    func plainTextMessage(_ text: String) -> Bool {
        guard let mime = lcr_curl_mime_init(handle) else { return false }
        self.mime = mime
        guard let part = lcr_curl_mime_addpart(mime),
            lcr_curl_mime_data(part, text, text.utf8.count) == CURLE_OK,
            lcr_curl_mime_type(part, "text/plain; charset=utf-8") == CURLE_OK
        else { return false }
        return lcr_curl_easy_setopt_pointer(handle, CURLOPT_MIMEPOST, UnsafeMutableRawPointer(mime)) == CURLE_OK
    }

    /// Keeps the response body, up to `maximumBytes` (a longer one fails the transfer).
    func keepResponse(maximumBytes: Int) -> Bool {
        let sink = ResponseSink(maximumBytes: maximumBytes)
        self.sink = sink
        return lcr_curl_easy_setopt_write_function(handle, Self.collect) == CURLE_OK
            && lcr_curl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()) == CURLE_OK
    }

    var response: Data { sink?.data ?? Data() }

    /// POSTs `bytes` bytes read from `descriptor` (from its current offset), never held whole in memory;
    /// `onProgress` hears (sent, total) as they go.
    func post(from descriptor: Int32, bytes: Int64, onProgress: ((Int64, Int64) -> Void)?) -> Bool {
        let source = FileSource(descriptor: descriptor)
        self.source = source
        guard set(CURLOPT_POST, 1), lcr_curl_easy_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes)) == CURLE_OK,
            lcr_curl_easy_setopt_read_function(handle, Self.read) == CURLE_OK,
            lcr_curl_easy_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()) == CURLE_OK
        else { return false }
        guard let onProgress else { return true }
        let box = ProgressBox(report: onProgress)
        progress = box
        return set(CURLOPT_NOPROGRESS, 0) && lcr_curl_easy_setopt_xferinfo_function(handle, Self.xferinfo) == CURLE_OK
            && lcr_curl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, Unmanaged.passUnretained(box).toOpaque()) == CURLE_OK
    }

    /// Runs the transfer; nil on success, else libcurl's code and reason.
    func perform() -> String? {
        performCode().failure
    }

    func performCode() -> (code: CURLcode, failure: String?) {
        let code = lcr_curl_easy_perform(handle)
        guard code != CURLE_OK else { return (code, nil) }
        if source?.failed == true { return (code, "the upload could not be read from its file") }
        let detail = String(cString: errorBuffer)
        return (code, detail.isEmpty ? String(cString: lcr_curl_easy_strerror(code)) : detail)
    }

    /// The HTTP status of the last answer (0 when none came).
    var responseCode: Int {
        var status = 0
        _ = lcr_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return status
    }

    private static func milliseconds(_ seconds: Double) -> Int { max(1, Int(seconds * 1000)) }

    private static func list(_ lines: [String]) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let extended = lcr_curl_slist_append(list, line) else {
                lcr_curl_slist_free_all(list)
                return nil
            }
            list = extended
        }
        return list
    }

    private static let discard: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { _, size, count, _ in
        size * count
    }

    private static let collect: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { bytes, size, count, userdata in
        guard let bytes, let userdata else { return 0 }
        let sink = Unmanaged<ResponseSink>.fromOpaque(userdata).takeUnretainedValue()
        let length = size * count
        guard sink.data.count + length <= sink.maximumBytes else { return 0 }  // libcurl then fails with CURLE_WRITE_ERROR
        sink.data.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: length)
        return length
    }

    private static let read: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { buffer, size, count, userdata in
        guard let buffer, let userdata else { return Int(CURL_READFUNC_ABORT) }
        let source = Unmanaged<FileSource>.fromOpaque(userdata).takeUnretainedValue()
        while true {
            let got = Glibc.read(source.descriptor, buffer, size * count)
            if got >= 0 { return got }
            if errno != EINTR {
                source.failed = true
                return Int(CURL_READFUNC_ABORT)
            }
        }
    }

    private static let xferinfo: curl_xferinfo_callback = { userdata, _, _, total, sent in
        guard let userdata else { return 0 }
        Unmanaged<ProgressBox>.fromOpaque(userdata).takeUnretainedValue().report(Int64(sent), Int64(total))
        return 0
    }

    private final class ResponseSink {
        let maximumBytes: Int
        var data = Data()
        init(maximumBytes: Int) { self.maximumBytes = maximumBytes }
    }

    private final class FileSource {
        let descriptor: Int32
        var failed = false
        init(descriptor: Int32) { self.descriptor = descriptor }
    }

    private final class ProgressBox {
        let report: (Int64, Int64) -> Void
        init(report: @escaping (Int64, Int64) -> Void) { self.report = report }
    }
}
