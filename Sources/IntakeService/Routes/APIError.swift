import EvidenceVerifier
import Foundation
import Hummingbird
import PartnerOperations
import PartnerRegistry

/// An answer that is not a success, sent as JSON `{"error": "..."}` with its status.
struct APIError: Error {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static let unauthorized = APIError(.unauthorized, "a valid bearer token is required (Authorization: Bearer <token>)")
    static let notFound = APIError(.notFound, "no such resource")
    static let steeringGroupOnly = APIError(.forbidden, "this needs a steering-group token")

    /// The answer for whatever a route threw: our refusals keep their status, a bundle that cannot be read
    /// is 422 with the reader's one line, a busy or unwritable data folder 503, anything else 500.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let refusal as SubmissionRefusal:
            return APIError(refusal.reason == .claimedByAnother ? .conflict : .forbidden, refusal.problem)
        case let error as InputError:
            return APIError(.unprocessableContent, error.description)
        case let error as RegistryError:
            switch error {
            case .busy, .readOnly: return APIError(.serviceUnavailable, "the registry cannot take this now; try again later")
            default: return APIError(.internalServerError, "the registry failed; the operator's log has no more for you")
            }
        case let error as HTTPError:
            return APIError(error.status, error.body ?? error.status.reasonPhrase)
        default:
            return APIError(.internalServerError, "internal error")
        }
    }

    var response: Response {
        JSONResponse.make(status, ["error": message])
    }
}

/// JSON answers, encoded as reports are (sorted keys, UTC instants).
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        let data = (try? ReportCoding.encoder.encode(value)) ?? Data(#"{"error":"cannot encode the answer"}"#.utf8)
        return bytes(status, data + Data("\n".utf8), contentType: "application/json")
    }

    static func bytes(_ status: HTTPResponse.Status, _ data: Data, contentType: String) -> Response {
        Response(
            status: status, headers: [.contentType: contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
