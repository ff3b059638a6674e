import Foundation
@testable import EvidenceVerifier

/// Real signed reports of the committed examples under `evidence/`, made by the built `lcr-verify`
/// (`check --report-out` with the DEMO report-signing pair) at the examples' instant, and rendered by
/// `report render` as a steering-group member would.
struct ExampleReports {
    static let asOf = "2026-04-01T12:00:00Z"
    static let repository = ExampleBundleTests.repository
    static let trust = repository.appendingPathComponent("certs")
    static let waiverApprover = "Dr Ada Chair, LCR IG steering group"
    static let waiverReason = "Agreed improvement plan: every LCR user moves to NHSmail by June"
    /// 1 July 2026 00:00 in Europe/London: the waiver covers the whole of 30 June.
    static let waiverUntil = ISOInstant.parse("2026-06-30T23:00:00Z")!
    static let waiverApprovedAt = ISOInstant.parse("2026-03-25T10:00:00Z")!

    let folder = TestFolder()

    /// `check evidence/EXAMPLE --report-out …`: the path of the signed report it wrote.
    func signed(_ example: String) throws -> URL {
        let out = folder.path("reports-\(example)")
        let result = try CLI.run([
            "check", Self.repository.appendingPathComponent("evidence/\(example)").path, "--as-of", Self.asOf, "--no-probe",
            "--trust", Self.trust.path, "--report-out", out.path,
            "--signing-key", Self.trust.appendingPathComponent("demo/report-signer.key.pem").path,
            "--signing-cert", Self.trust.appendingPathComponent("demo/report-signer.pem").path,
        ])
        guard result.status == 0 || result.status == 1 else { throw Failure("check \(example): \(result.stderr)") }
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".json") }
        guard names.count == 1 else { throw Failure("check \(example) wrote \(names)") }
        return out.appendingPathComponent(names[0])
    }

    /// The report of `example` with every error accepted by a waiver, as DESIGN §5 records one (the
    /// finding keeps its code, becomes a warning and carries the waiver), statuses and decision
    /// recomputed the way the verifier would, then signed again with the DEMO report-signing pair.
    func waived(_ example: String) throws -> URL {
        var report = try decode(try signed(example))
        for index in report.prerequisites.indices {
            let prerequisite = report.prerequisites[index]
            let findings = prerequisite.findings.map { finding -> Finding in
                guard finding.severity == .error else { return finding }
                var waived = finding
                waived.severity = .warning
                waived.waiver = FindingWaiver(
                    until: Self.waiverUntil, reason: Self.waiverReason, approvedBy: Self.waiverApprover, approvedAt: Self.waiverApprovedAt)
                return waived
            }
            report.prerequisites[index] = PrerequisiteResult(id: prerequisite.id, summary: prerequisite.summary, findings: findings)
        }
        report.decision = report.prerequisites.contains { $0.status == .fail } ? .notEligible : .eligible
        let identity = try SigningIdentity(
            keyFile: Self.trust.appendingPathComponent("demo/report-signer.key.pem"),
            certificateFile: Self.trust.appendingPathComponent("demo/report-signer.pem"))
        return try SignedReportWriter(identity: identity)
            .write(report, json: try ReportCoding.encode(report), to: folder.path("waived-\(example)"))
    }

    /// A signed report of `example` whose decision was rewritten to `eligible` after it was signed.
    func tampered(_ example: String) throws -> URL {
        let report = try signed(example)
        let text = try String(contentsOf: report, encoding: .utf8)
        guard text.contains("\"decision\":\"not-eligible\"") else { throw Failure("\(example) is not a failing example") }
        try Data(text.replacingOccurrences(of: "\"decision\":\"not-eligible\"", with: "\"decision\":\"eligible\"").utf8).write(to: report)
        return report
    }

    func decode(_ report: URL) throws -> VerificationReport {
        try ReportCoding.decode(try Data(contentsOf: report), file: report.path)
    }

    /// `report render REPORT --format FORMAT --trust certs --as-of …`.
    func render(_ report: URL, _ format: String) throws -> CLI.Result {
        try CLI.run(["report", "render", report.path, "--format", format, "--trust", Self.trust.path, "--as-of", Self.asOf])
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// What a reader sees of a rendering: HTML without its style, entities and tags (inline ones joined,
/// others as spaces); Markdown without its bold and code markers and escaping backslashes; text as it is. Whitespace runs become one space.
enum ReadableText {
    static func of(_ output: String, format: String) -> String {
        var text = output
        switch format {
        case "html":
            text = text.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
            text = text.replacingOccurrences(of: "</?(span|strong|code|a|em)\\b[^>]*>", with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
        case "markdown":
            text = text.replacingOccurrences(of: "(?<!\\\\)(\\*\\*|`)", with: "", options: .regularExpression)
            // A backslash before any ASCII punctuation is an escape (CommonMark 2.4).
            text = text.replacingOccurrences(of: "\\\\([!-/:-@\\[-`{-~])", with: "$1", options: .regularExpression)
            text = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        default:
            break
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    /// The first of `needles` that does not occur in `text` after the one before it; nil when all do, in order.
    static func firstOutOfOrder(_ needles: [String], in text: String) -> String? {
        var from = text.startIndex
        for needle in needles {
            guard let found = text.range(of: needle, range: from..<text.endIndex) else { return needle }
            from = found.upperBound
        }
        return nil
    }
}
