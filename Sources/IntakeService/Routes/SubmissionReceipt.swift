import Foundation
import PartnerRegistry

/// The answer to an upload: `{id, odsCode, decision, reportUrl}` (201 for new bytes, 200 for bytes already recorded).
struct SubmissionReceipt: Encodable {
    let id: Int64
    let odsCode: String
    let decision: String
    let reportUrl: String

    /// Where the latest signed report of submission `id` is served (its signature at the same path plus `.p7s`).
    static func reportPath(_ id: Int64) -> String { "/v1/submissions/\(id)/report.json" }
}

/// `GET /v1/submissions/{id}`: the submission and its latest verification.
struct SubmissionRecord: Encodable {
    let id: Int64
    let odsCode: String
    let bundleSha256: String
    let bytes: Int64
    let receivedAt: Date
    let decision: String?
    let asOf: Date?
    let reverifyBy: Date?
    let reportUrl: String?

    init(_ submission: Submission, verification: Verification?) {
        let id = submission.id ?? 0
        self.id = id
        odsCode = submission.odsCode
        bundleSha256 = submission.bundleSha256
        bytes = submission.bytes
        receivedAt = submission.receivedAt
        decision = verification?.decision.rawValue
        asOf = verification?.asOf
        reverifyBy = verification?.reverifyBy
        reportUrl = verification.map { _ in SubmissionReceipt.reportPath(id) }
    }
}
