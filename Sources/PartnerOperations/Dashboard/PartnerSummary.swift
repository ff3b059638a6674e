import EvidenceVerifier
import Foundation
import PartnerRegistry

/// One row of `partners list` and of the service's `GET /v1/partners`: the partner and its latest verification.
public struct PartnerSummary: Encodable, Sendable {
    public var odsCode: String
    public var name: String
    public var status: String
    public var access: String?
    public var isaSha256: String?
    public var decision: String?
    public var asOf: Date?
    public var reverifyBy: Date?
    public var report: String?

    public init(partner: Partner, latest: Verification?) {
        odsCode = partner.odsCode
        name = partner.name
        status = partner.status.rawValue
        access = partner.access?.rawValue
        isaSha256 = partner.isaSha256
        decision = latest?.decision.rawValue
        asOf = latest?.asOf
        reverifyBy = latest?.reverifyBy
        report = latest?.reportPath
    }
}
