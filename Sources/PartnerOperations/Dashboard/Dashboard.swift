import EvidenceVerifier
import Foundation
import PartnerRegistry

/// Every partner of a data folder as of one instant, for the steering group's dashboard page: read
/// from the registry and the signed reports it filed, judging nothing anew.
public struct Dashboard: Sendable {
    public let asOf: Date
    /// `reverify.noticeDays`: a lapse this close is highlighted.
    public let noticeDays: Int
    /// By ODS code.
    public let partners: [PartnerOverview]
    public let calendar: LapseCalendar
    /// Whether reports' signatures were checked against report-signing anchors.
    public let signaturesChecked: Bool

    public init(asOf: Date, noticeDays: Int, partners: [PartnerOverview], signaturesChecked: Bool) {
        self.asOf = asOf
        self.noticeDays = noticeDays
        self.partners = partners
        self.signaturesChecked = signaturesChecked
        calendar = LapseCalendar(asOf: asOf, entries: partners.compactMap { overview in
            guard overview.partner.status != .withdrawn, let lapse = overview.lapse else { return nil }
            return LapseCalendar.Entry(odsCode: overview.partner.odsCode, lapse: lapse)
        })
    }

    /// The partners with `status`.
    public func partners(_ status: PartnerStatus) -> [PartnerOverview] {
        partners.filter { $0.partner.status == status }
    }

    /// Reads every partner of `registry`. With `reportAnchors`, each latest report's detached signature
    /// is checked at `asOf`; without, it is `not checked`. A report whose bytes no longer have the
    /// SHA-256 the registry recorded is NOT VALID either way.
    public static func load(from registry: PartnerRegistry, asOf: Date, noticeDays: Int, reportAnchors: [Certificate]?) throws -> Dashboard {
        let latest = try registry.latestVerifications()
        let verifier = reportAnchors.map(ReportSignatureVerifier.init(anchors:))
        let partners = try registry.partners().map { partner -> PartnerOverview in
            let verification = latest[partner.odsCode]
            let report = verification.map { read($0, in: registry.dataDirectory, verifier: verifier, asOf: asOf) } ?? .none
            let lapse: Lapse?
            if case .loaded(let loaded, _, _) = report {
                lapse = LapseClassifier.lapse(of: loaded)
            } else {
                lapse = verification?.reverifyBy.map {
                    Lapse(at: $0, reason: .unknown, detail: "the report cannot be read, so which fact lapses is not known")
                }
            }
            return PartnerOverview(
                partner: partner, latest: verification, report: report,
                lastDecision: try registry.decisions(odsCode: partner.odsCode).last,
                openWaivers: try registry.waivers(odsCode: partner.odsCode, applyingAt: asOf),
                lapse: lapse, urgency: lapse.map { LapseUrgency($0.at, asOf: asOf, noticeDays: noticeDays) })
        }
        return Dashboard(asOf: asOf, noticeDays: noticeDays, partners: partners, signaturesChecked: verifier != nil)
    }

    /// The verification's report, read once from the data folder (only under `reports/`).
    private static func read(
        _ verification: Verification, in data: DataDirectory, verifier: ReportSignatureVerifier?, asOf: Date
    ) -> PartnerOverview.LatestReport {
        let path = verification.reportPath
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "reports", parts[1] == verification.odsCode, parts[2].hasSuffix(".json"),
              !parts[2].hasPrefix(".")
        else { return .unreadable(path: path, problem: "the registry names a report outside reports/\(verification.odsCode)/") }
        let url = data.root.appendingPathComponent(path)
        do {
            let json: Data
            var signature = ReportSignatureCheck.notChecked
            if let verifier {
                let files = try SignedReportFiles(reportPath: url.path)
                json = files.json
                signature = ReportSignatureCheck(verifier.verify(files, at: asOf))
            } else {
                json = try SignedReportFiles.readReport(url.path)
            }
            if SHA256Digest.hex(of: json) != verification.reportSha256 {
                signature = .notValid(reason: "\(path) no longer has the SHA-256 the registry recorded for it")
            }
            return .loaded(try ReportCoding.decode(json, file: path), path: path, signature: signature)
        } catch {
            return .unreadable(path: path, problem: "\(error)")
        }
    }
}
