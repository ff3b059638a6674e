import EvidenceVerifier
import PartnerRegistry

/// How a partner's status reads on the pages: a symbol, a word and a tone, and the section it heads.
extension PartnerStatus {
    var symbol: String {
        switch self {
        case .approved: "✔"
        case .applicant: "●"
        case .suspended: "■"
        case .withdrawn: "○"
        }
    }

    var word: String { rawValue.uppercased() }

    var tone: ReportStyle.Tone {
        switch self {
        case .approved: .good
        case .applicant: .neutral
        case .suspended: .bad
        case .withdrawn: .neutral
        }
    }

    /// `Approved partners`, `Applicants`, …
    var sectionTitle: String {
        switch self {
        case .approved: "Approved partners"
        case .applicant: "Applicants"
        case .suspended: "Suspended partners"
        case .withdrawn: "Withdrawn partners"
        }
    }

    /// The order the dashboard shows statuses in: who may use the record first.
    static let dashboardOrder: [PartnerStatus] = [.approved, .applicant, .suspended, .withdrawn]
}
