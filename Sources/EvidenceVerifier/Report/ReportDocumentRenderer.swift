import Foundation

/// Renders a report as a Markdown or a self-contained HTML document for a steering-group meeting.
/// Every value read from a report is escaped (names, messages, paths and even codes and digests: a
/// report handed to `report render` may have been written by anyone). Control and direction
/// characters are first made visible by `TerminalText`, then the document's own syntax is escaped, so
/// evidence cannot add a heading, a link, an image, a table cell or markup.
public enum ReportDocumentRenderer {
    /// The report as Markdown; with `signature`, the verdict on the report's signature comes first.
    public static func markdown(_ report: VerificationReport, signature: ReportSignatureCheck? = nil) -> String {
        let cell = MarkdownText.escaped
        let literal = MarkdownText.literal
        var lines: [String] = []
        if let signature { lines += ["> **\(cell(signature.line))**", ""] }
        lines += [
            "# LCR verification: \(cell(report.organisation.odsCode)) \(cell(report.organisation.name))", "",
            "| | |", "|---|---|",
            "| Decision | **\(report.decision.rawValue)** |",
            "| As of | \(ISOInstant.string(report.asOf)) |",
            "| Re-verify by | \(report.reverifyBy.map(ISOInstant.string) ?? "—") |",
            "| Access requested | \(cell(report.organisation.accessRequested ?? "—")) |",
            "| Manifest signed by | \(cell(report.bundle.signer?.subject ?? "nobody trusted")) |",
            "| Policy SHA-256 | \(literal(report.policySha256)) |", "",
            "## Prerequisites", "", "| prerequisite | status | summary |", "|---|---|---|",
        ]
        lines += report.prerequisites.map { "| \($0.id.rawValue) | \($0.status.rawValue) | \(cell($0.summary)) |" }
        lines += ["", "## Findings", "", "| prerequisite | severity | code | message | where |", "|---|---|---|---|---|"]
        for prerequisite in report.prerequisites {
            for finding in prerequisite.findings {
                let place = [finding.evidence, finding.location].compactMap { $0 }.joined(separator: ", ")
                lines.append("| \(prerequisite.id.rawValue) | \(finding.severity.rawValue) | \(literal(finding.code.rawValue)) | \(cell(finding.message)) | \(cell(place)) |")
            }
        }
        lines += ["", "## Evidence", "", "| kind | path | bytes | sha256 | signer |", "|---|---|---|---|---|"]
        lines += report.evidence.map {
            "| \(cell($0.kind)) | \(cell($0.path)) | \($0.bytes.map(String.init) ?? "—") | \(literal($0.sha256)) | \(cell($0.signer?.subject ?? "—")) |"
        }
        if !report.endpoints.isEmpty {
            lines += ["", "## Endpoints", "", "| url | status | address | TLS | error |", "|---|---|---|---|---|"]
            lines += report.endpoints.map {
                "| \(cell($0.url)) | \(cell($0.status)) | \(cell($0.address ?? "—")) | \(cell($0.tlsVersion ?? "—")) | \(cell($0.error ?? "")) |"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as one HTML page; with `signature`, the verdict on the report's signature comes first.
    public static func html(_ report: VerificationReport, signature: ReportSignatureCheck? = nil) -> String {
        let escape = HTMLText.escaped
        func row(_ cells: [String]) -> String { "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        func table(_ headers: [String], _ rows: [[String]]) -> String {
            "<table><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>" + rows.map(row).joined() + "</table>"
        }
        let organisation = report.organisation
        let findings = report.prerequisites.flatMap { prerequisite in
            prerequisite.findings.map { finding in
                [prerequisite.id.rawValue, finding.severity.rawValue, finding.code.rawValue, finding.message,
                 [finding.evidence, finding.location].compactMap { $0 }.joined(separator: ", ")]
            }
        }
        let banner = signature.map { signature in
            let style = switch signature {
            case .valid: "signature-valid"
            case .notValid: "signature-not-valid"
            case .notChecked: "signature-not-checked"
            }
            return "<p class=\"\(style)\"><strong>\(escape(signature.line))</strong></p>\n"
        } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>LCR verification \(escape(organisation.odsCode))</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}
            td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}.eligible{color:#0a6b2d}.not-eligible{color:#a4161a}
            .signature-not-valid{color:#fff;background:#a4161a;padding:.5em}</style>
            </head><body>
            \(banner)<h1>\(escape(organisation.odsCode)) \(escape(organisation.name))</h1>
            <p class="\(report.decision.rawValue)"><strong>Decision: \(report.decision.rawValue)</strong></p>
            \(table(["as of", "re-verify by", "access requested", "manifest signed by", "policy sha256"],
                    [[ISOInstant.string(report.asOf), report.reverifyBy.map(ISOInstant.string) ?? "—",
                      organisation.accessRequested ?? "—", report.bundle.signer?.subject ?? "nobody trusted", report.policySha256]]))
            <h2>Prerequisites</h2>
            \(table(["prerequisite", "status", "summary"], report.prerequisites.map { [$0.id.rawValue, $0.status.rawValue, $0.summary] }))
            <h2>Findings</h2>
            \(table(["prerequisite", "severity", "code", "message", "where"], findings))
            <h2>Evidence</h2>
            \(table(["kind", "path", "bytes", "sha256", "signer"], report.evidence.map {
                [$0.kind, $0.path, $0.bytes.map(String.init) ?? "—", $0.sha256, $0.signer?.subject ?? "—"]
            }))
            \(report.endpoints.isEmpty ? "" : "<h2>Endpoints</h2>" + table(["url", "status", "address", "TLS", "error"], report.endpoints.map {
                [$0.url, $0.status, $0.address ?? "—", $0.tlsVersion ?? "—", $0.error ?? ""]
            }))
            <p>Generated \(ISOInstant.string(report.generatedAt)) by \(escape(report.verifier.name)) \(escape(report.verifier.version)).</p>
            </body></html>

            """
    }
}
