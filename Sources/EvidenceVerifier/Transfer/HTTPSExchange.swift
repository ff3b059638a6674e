import CCurl
import CShims
import Foundation

/// One HTTPS request through libcurl (`CurlEasy`): a POST of a file streamed from disk, or a GET whose
/// answer is kept up to a limit. The server is verified against `caFile` when given (else the system's
/// anchors), never not at all; each request has a connect and a total timeout.
public enum HTTPSExchange {
    /// Time limits and trust for one request.
    public struct Options: Sendable {
        public var caFile: String?
        public var connectSeconds: Double
        public var totalSeconds: Double

        public init(caFile: String?, connectSeconds: Double = 10, totalSeconds: Double = 600) {
            self.caFile = caFile
            self.connectSeconds = connectSeconds
            self.totalSeconds = totalSeconds
        }
    }

    /// What the server answered.
    public struct Answer: Sendable {
        public let status: Int
        public let body: Data
    }

    /// A request that got no answer; `isRetryable` for a connection refused or reset, which a retry may cure.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public let isRetryable: Bool

        public var description: String { message }
    }

    /// The largest answer kept (a signed report is far smaller; the JSON of an upload smaller still).
    public static let maximumAnswerBytes = 64 << 20

    /// POSTs the file at `file` (`contentType`) to `url`; `onProgress` hears (sent, total).
    public static func post(
        file: URL, to url: String, headers: [String], contentType: String, options: Options,
        onProgress: ((Int64, Int64) -> Void)? = nil
    ) -> Result<Answer, Failure> {
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(message: "\(file.path): cannot be opened (\(SystemError(errno)))", isRetryable: false)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            return .failure(Failure(message: "\(file.path): is not a regular file", isRetryable: false))
        }
        return exchange(url: url, headers: headers + ["Content-Type: \(contentType)", "Expect:"], options: options) { easy in
            easy.post(from: descriptor, bytes: Int64(status.st_size), onProgress: onProgress)
        }
    }

    /// GETs `url`.
    public static func get(_ url: String, headers: [String], options: Options) -> Result<Answer, Failure> {
        exchange(url: url, headers: headers, options: options) { _ in true }
    }

    private static func exchange(url: String, headers: [String], options: Options, prepare: (CurlEasy) -> Bool) -> Result<Answer, Failure> {
        let setUp = Failure(message: CurlGlobal.failure ?? "libcurl could not set up the request", isRetryable: false)
        guard let easy = CurlEasy(url: url, protocols: "https", connectSeconds: options.connectSeconds, totalSeconds: options.totalSeconds),
            easy.headers(headers), easy.keepResponse(maximumBytes: maximumAnswerBytes), prepare(easy)
        else { return .failure(setUp) }
        if let caFile = options.caFile, !easy.trustOnly(caFile: caFile) { return .failure(setUp) }
        let (code, failure) = easy.performCode()
        if let failure {
            let retryable = [CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING].contains(code)
            return .failure(Failure(message: failure, isRetryable: retryable))
        }
        return .success(Answer(status: easy.responseCode, body: easy.response))
    }
}
