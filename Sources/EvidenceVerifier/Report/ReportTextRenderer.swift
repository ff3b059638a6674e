import Foundation

/// The readable summary `check` prints: the organisation, the decision, then each prerequisite with its
/// findings, then the endpoints probed. Every line passes through `TerminalText`, so nothing from the
/// evidence can start a line of its own or drive the terminal: the one line starting `Decision:` is ours.
public enum ReportTextRenderer {
    /// The summary; with `signature`, the verdict on the report's signature comes first (`report render`).
    public static func render(_ report: VerificationReport, signature: ReportSignatureCheck? = nil) -> String {
        var lines: [String] = []
        if let signature { lines += [signature.line, ""] }
        let organisation = report.organisation
        let access = organisation.accessRequested.map { " — \($0) access requested" } ?? ""
        lines.append("\(organisation.odsCode) \(organisation.name)\(access)")
        lines.append("as of \(ISOInstant.string(report.asOf)), policy sha256 \(report.policySha256.prefix(12))…, \(report.verifier.name) \(report.verifier.version)")
        let decision = report.decision == .eligible ? "ELIGIBLE" : "NOT ELIGIBLE"
        let reverify = report.reverifyBy.map { " (re-verify by \(ISOInstant.string($0)))" } ?? ""
        lines.append("Decision: \(decision)\(reverify)")
        lines.append("")
        let width = report.prerequisites.map(\.id.rawValue.count).max() ?? 0
        for prerequisite in report.prerequisites {
            let id = prerequisite.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(prerequisite.status.rawValue.uppercased().padding(toLength: 4, withPad: " ", startingAt: 0))  \(id)  \(prerequisite.summary)")
            for finding in prerequisite.findings {
                let place = [finding.evidence, finding.location].compactMap { $0 }.joined(separator: ", ")
                let suffix = place.isEmpty ? "" : " [\(place)]"
                lines.append("        \(finding.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(finding.code): \(finding.message)\(suffix)")
            }
        }
        if !report.endpoints.isEmpty {
            lines.append("")
            lines.append("Endpoints:")
            for endpoint in report.endpoints {
                let facts = [endpoint.address, endpoint.tlsVersion, endpoint.handshakeMs.map { "handshake \($0) ms" }, endpoint.error]
                    .compactMap { $0 }.joined(separator: ", ")
                lines.append("  \(endpoint.status.padding(toLength: 8, withPad: " ", startingAt: 0)) \(endpoint.url)  \(facts)")
            }
        }
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }
}
