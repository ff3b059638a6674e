import Foundation

/// `upload`: sends a bundle to the intake service (`serve`) and fetches its signed report. A folder is
/// packed on the fly into a private temporary zip (`BundlePacker`, deterministic); a zip is sent as it is,
/// streamed from disk. A connection refused or reset, or a 502 or 503, is tried again after a pause that
/// doubles (at most `attempts` tries); any other answer is final. Every failure is one `InputError` line.
public struct BundleUploader: Sendable {
    /// The service's base URL, `https://host:port` (no trailing slash).
    public let server: String
    let token: String
    public let options: HTTPSExchange.Options
    public let attempts: Int
    public let firstPauseSeconds: Double

    /// Refuses a server that is not `https://` and a token with characters no token has (a header cannot be smuggled in).
    public init(server: String, token: String, options: HTTPSExchange.Options, attempts: Int = 3, firstPauseSeconds: Double = 1) throws(InputError) {
        guard server.lowercased().hasPrefix("https://"), server.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw InputError("--server", "must be an https:// URL such as https://intake.example.nhs.uk:8443")
        }
        guard !token.isEmpty, token.utf8.count <= 512,
              token.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E })
        else { throw InputError("--token-file", "does not hold a token (one line of letters, digits and dashes, as `tokens issue` printed it)") }
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.token = token
        self.options = options
        self.attempts = max(1, attempts)
        self.firstPauseSeconds = firstPauseSeconds
    }

    /// What the service answered to an upload (`201` new bytes, `200` bytes it already had).
    public struct Receipt: Decodable, Sendable {
        public let id: Int64
        public let odsCode: String
        public let decision: String
        public let reportUrl: String
        public var isNew = false

        enum CodingKeys: String, CodingKey { case id, odsCode, decision, reportUrl }
    }

    /// Uploads the folder or zip at `bundle`; `onProgress` hears (sent, total) bytes.
    public func upload(_ bundle: URL, onProgress: ((Int64, Int64) -> Void)? = nil) throws(InputError) -> Receipt {
        var status = stat()
        guard stat(bundle.path, &status) == 0 else { throw InputError(bundle.path, "no such bundle (expected a folder or a .zip)") }
        let temporary: TemporaryDirectory?
        let zip: URL
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            let folder = try TemporaryDirectory(prefix: "lcr-upload")
            zip = folder.url.appendingPathComponent("bundle.zip")
            _ = try BundlePacker().pack(folder: bundle, to: zip)
            temporary = folder
        case S_IFREG:
            zip = bundle
            temporary = nil
        default:
            throw InputError(bundle.path, "is not a folder or a regular file; refused")
        }
        let answer = try withRetries { HTTPSExchange.post(
            file: zip, to: server + "/v1/submissions", headers: authorization, contentType: "application/zip", options: options,
            onProgress: onProgress) }
        withExtendedLifetime(temporary) {}
        guard answer.status == 200 || answer.status == 201 else { throw refusal(answer, doing: "the upload") }
        guard var receipt = try? JSONDecoder().decode(Receipt.self, from: answer.body), receipt.reportUrl.hasPrefix("/") else {
            throw InputError(server, "answered the upload with something that is not a receipt")
        }
        receipt.isNew = answer.status == 201
        return receipt
    }

    /// The signed report of `receipt` and its detached signature, as the service holds them.
    public func signedReport(of receipt: Receipt) throws(InputError) -> SignedReportFiles {
        let json = try fetch(receipt.reportUrl, limit: SignedReportFiles.maximumReportBytes)
        let signature = try fetch(receipt.reportUrl + ".p7s", limit: SignedReportFiles.maximumSignatureBytes)
        return SignedReportFiles(json: json, signature: signature)
    }

    /// The full URL of a path the service named.
    public func url(_ path: String) -> String { server + path }

    private var authorization: [String] { ["Authorization: Bearer \(token)"] }

    private func fetch(_ path: String, limit: Int) throws(InputError) -> Data {
        let answer = try withRetries { HTTPSExchange.get(server + path, headers: authorization, options: options) }
        guard answer.status == 200 else { throw refusal(answer, doing: "fetching \(path)") }
        guard answer.body.count <= limit else { throw InputError(url(path), "is larger than \(limit) bytes; refused") }
        return answer.body
    }

    private func withRetries(_ request: () -> Result<HTTPSExchange.Answer, HTTPSExchange.Failure>) throws(InputError) -> HTTPSExchange.Answer {
        var pause = firstPauseSeconds
        var attempt = 1
        while true {
            let outcome = request()
            let worthRetrying = switch outcome {
            case .success(let answer): answer.status == 502 || answer.status == 503
            case .failure(let failure): failure.isRetryable
            }
            if !worthRetrying || attempt == attempts {
                switch outcome {
                case .success(let answer):
                    return answer
                case .failure(let failure):
                    throw InputError(server, "cannot be reached (\(failure.message))\(attempt > 1 ? " after \(attempt) tries" : "")")
                }
            }
            usleep(useconds_t(pause * 1_000_000))
            pause *= 2
            attempt += 1
        }
    }

    /// One line for a refusal: the status and the service's own `error` text.
    private func refusal(_ answer: HTTPSExchange.Answer, doing action: String) -> InputError {
        let message = (try? JSONDecoder().decode([String: String].self, from: answer.body))?["error"]
            ?? String(decoding: answer.body.prefix(200), as: UTF8.self)
        return InputError(server, "refused \(action): HTTP \(answer.status): \(message)")
    }
}
