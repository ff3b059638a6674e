import EvidenceVerifier
import Foundation
import Hummingbird

/// One JSON line per request on stdout: time, method, route (the route's pattern, such as
/// `/v1/submissions/{id}`, never the raw path), status, bytes in and out, duration in milliseconds and
/// the organisation the token speaks for. It never holds a token, a header, a name or an address.
/// It also turns whatever a route threw into its JSON answer, so the line has the status sent.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = IntakeRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = APIError.from(error).response
        }
        let elapsed = ContinuousClock.now - started
        let line = AccessLogLine(
            time: Date(), method: request.method.rawValue, route: Self.route(context.endpointPath),
            status: response.status.code, bytesIn: context.facts.bodyBytes, bytesOut: response.body.contentLength ?? 0,
            durationMs: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
            odsCode: context.facts.odsCode)
        if let data = try? ReportCoding.encoder.encode(line) {
            try? DescriptorWriter.writeAll(data + Data("\n".utf8), to: STDOUT_FILENO)
        }
        return response
    }

    /// The matched route with `{name}` for each parameter; `unmatched` for a path no route takes.
    static func route(_ endpoint: String?) -> String {
        guard let endpoint else { return "unmatched" }
        return endpoint.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }
}

/// The fields of one access-log line.
struct AccessLogLine: Encodable {
    let time: Date
    let method: String
    let route: String
    let status: Int
    let bytesIn: Int64
    let bytesOut: Int
    let durationMs: Double
    let odsCode: String?
}
