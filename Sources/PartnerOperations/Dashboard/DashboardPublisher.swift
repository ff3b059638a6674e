import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Writes the dashboard and, beside it, each partner's latest report (rendered by the report page
/// renderer, with the signature state the dashboard found) and history page. The partner pages are
/// written first and the dashboard last, each whole (`PageFile`), so the dashboard never links to a
/// page that is not there.
public struct DashboardPublisher: Sendable {
    public let registry: PartnerRegistry

    public init(registry: PartnerRegistry) {
        self.registry = registry
    }

    /// Writes everything for `dashboard` to `output` and the folder it is in; returns the files written.
    @discardableResult
    public func publish(_ dashboard: Dashboard, to output: URL) throws -> [URL] {
        let folder = output.deletingLastPathComponent()
        var written: [URL] = []
        var reportLinks: [String: String] = [:], historyLinks: [String: String] = [:]
        for overview in dashboard.partners {
            let odsCode = overview.partner.odsCode
            if case .loaded(let report, _, let signature) = overview.report, let name = PartnerPageNames.latestReport(odsCode) {
                let page = folder.appendingPathComponent(name)
                try PageFile.write(ReportDocumentRenderer.html(report, signature: signature), to: page)
                written.append(page)
                reportLinks[odsCode] = name
            }
            if let name = PartnerPageNames.history(odsCode) {
                let page = folder.appendingPathComponent(name)
                try PageFile.write(try PartnerHistoryPage.html(odsCode: odsCode, in: registry), to: page)
                written.append(page)
                historyLinks[odsCode] = name
            }
        }
        try PageFile.write(DashboardPage.html(dashboard, reportLinks: reportLinks, historyLinks: historyLinks), to: output)
        return written + [output]
    }
}
