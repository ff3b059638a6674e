import Foundation

/// A report as a steering-group meeting reads it, in the order every format shows it: the report's
/// signature state and the decision in words, the key facts, the prerequisites at a glance, then each
/// prerequisite (failed first) with its findings grouped by how serious they are (what, where, what
/// to do next, any waiver), the evidence inventory, the endpoints probed, and the details a reviewer checks. The HTML, Markdown and text renderings
/// all walk this one page, so they say the same things in the same order.
///
/// The page restates the report; it judges nothing. Every status, severity and the decision are the
/// report's own, and the wording added here (titles, guidance) never changes them.
struct ReportPage {
    /// How a status looks: a symbol and a word, so nothing is told by colour alone.
    struct Mark: Equatable {
        let symbol: String
        let word: String
        let tone: Tone

        var text: String { "\(symbol) \(word)" }

        static let pass = Mark(symbol: "✔", word: "PASS", tone: .good)
        static let warn = Mark(symbol: "▲", word: "WARN", tone: .caution)
        static let fail = Mark(symbol: "✖", word: "FAIL", tone: .bad)
        static let eligible = Mark(symbol: "✔", word: "ELIGIBLE", tone: .good)
        static let notEligible = Mark(symbol: "✖", word: "NOT ELIGIBLE", tone: .bad)
        static let failed = Mark(symbol: "✖", word: "FAILED", tone: .bad)
        static let waived = Mark(symbol: "◆", word: "WAIVED", tone: .caution)
        static let warning = Mark(symbol: "▲", word: "WARNING", tone: .caution)
        static let info = Mark(symbol: "●", word: "INFO", tone: .neutral)

        init(symbol: String, word: String, tone: Tone) {
            self.symbol = symbol
            self.word = word
            self.tone = tone
        }

        init(_ status: PrerequisiteStatus) {
            switch status {
            case .pass: self = .pass
            case .warn: self = .warn
            case .fail: self = .fail
            }
        }
    }

    /// The feeling a mark carries; the HTML page colours by it, always beside the mark's word.
    typealias Tone = ReportStyle.Tone

    /// A labelled value; `literal` values (digests, codes) are shown as code.
    struct Fact {
        let label: String
        let value: String
        var literal = false
    }

    /// The decision in words.
    struct Verdict {
        let mark: Mark
        /// `may use the Leeds Care Record` or `may not use the Leeds Care Record, 2 prerequisites failed`.
        let sentence: String
        /// Which prerequisites failed or warned, and anything odd about the report itself.
        let details: [String]

        /// `ELIGIBLE: may use the Leeds Care Record` or `NOT ELIGIBLE: …, 2 prerequisites failed`.
        var headline: String { "\(mark.word): \(sentence)" }
    }

    /// How a rendered report's signature reads beside the decision.
    struct SignatureNote {
        let symbol: String
        let tone: Tone
        /// `ReportSignatureCheck.line`, unchanged: tools and people look for its words.
        let line: String
        /// What the reader should make of it.
        let advice: String

        init(_ check: ReportSignatureCheck) {
            line = check.line
            switch check {
            case .valid:
                (symbol, tone) = ("✔", .good)
                advice = "This page shows the report exactly as the steering group's verifier signed it."
            case .notValid:
                (symbol, tone) = ("✖", .bad)
                advice = "Do not rely on this page: the report may have been altered after it was signed."
            case .notChecked:
                (symbol, tone) = ("▲", .caution)
                advice = "Render it with --trust to confirm that the report has not been altered since it was signed."
            }
        }
    }

    /// One finding as the page tells it.
    struct Item {
        let code: String
        let message: String
        /// The evidence file and the row or field, when the finding names them.
        let place: String?
        let action: String
        let waiver: String?
    }

    /// Findings of one kind within a prerequisite.
    struct Group {
        let mark: Mark
        let heading: String
        let items: [Item]
    }

    /// One prerequisite: its status, its summary and its findings, worst first.
    struct Section {
        let id: String
        let title: String
        let mark: Mark
        let summary: String
        let groups: [Group]

        /// `2 failed, 1 waived, 3 warnings`, or `no findings`.
        var tally: String {
            let parts = groups.map { group -> String in
                let count = group.items.count
                switch group.mark {
                case .failed: return "\(count) failed"
                case .waived: return "\(count) waived"
                case .warning: return count == 1 ? "1 warning" : "\(count) warnings"
                default: return "\(count) for information"
                }
            }
            return parts.isEmpty ? "no findings" : parts.joined(separator: ", ")
        }
    }

    let report: VerificationReport
    let title: String
    let signature: SignatureNote?
    let verdict: Verdict
    let facts: [Fact]
    /// Every prerequisite in the report's order (the overview).
    let sections: [Section]
    let details: [Fact]

    /// The prerequisites for the findings part: failed first, then those with warnings, then the
    /// rest, each group in the report's order, so a meeting reaches what must change first.
    var sectionsWorstFirst: [Section] {
        [ReportPage.Mark.fail, .warn, .pass].flatMap { mark in sections.filter { $0.mark == mark } }
    }

    init(_ report: VerificationReport, signature: ReportSignatureCheck?) {
        self.report = report
        let organisation = "\(report.organisation.odsCode) \(report.organisation.name)"
        self.signature = signature.map(SignatureNote.init)
        verdict = Self.verdict(report)
        title = "\(verdict.mark.word) — LCR verification report, \(organisation)"
        sections = report.prerequisites.map { Self.section($0, asOf: report.asOf) }
        facts = [
            Fact(label: "Organisation", value: organisation),
            Fact(label: "Access requested", value: report.organisation.accessRequested ?? "not stated"),
            Fact(label: "Verified as of", value: ReadableInstant.string(report.asOf)),
            Fact(label: "Re-verify by", value: report.reverifyBy.map(ReadableInstant.string) ?? "no lapse date recorded"),
            Fact(label: "Verification level", value: Self.level(report.level)),
            Fact(label: "Evidence signed by", value: report.bundle.signer?.subject ?? "nobody the verifier trusts"),
        ]
        details = [
            Fact(label: "Policy SHA-256", value: report.policySha256, literal: true),
            Fact(label: "As of (asOf)", value: ISOInstant.string(report.asOf), literal: true),
            Fact(label: "Re-verify by (reverifyBy)", value: report.reverifyBy.map(ISOInstant.string) ?? "none", literal: true),
            Fact(label: "Verification level (level)", value: report.level ?? "not recorded", literal: true),
            Fact(label: "Generated at (generatedAt)", value: ISOInstant.string(report.generatedAt), literal: true),
            Fact(label: "Verifier", value: "\(report.verifier.name) \(report.verifier.version)"),
            Fact(label: "Manifest SHA-256", value: report.bundle.manifestSha256 ?? "none", literal: true),
            Fact(label: "Manifest signer", value: report.bundle.signer.map(Self.signer) ?? "none trusted"),
            Fact(label: "Report format", value: report.format, literal: true),
        ] + (report.references ?? []).map { reference in
            Fact(
                label: "Reference list (references)",
                value: "\(reference.kind.rawValue), SHA-256 \(reference.sha256), \(reference.rows) rows, imported \(ISOInstant.string(reference.importedAt))",
                literal: true)
        }
    }

    /// The plain-words name of each prerequisite.
    static func title(_ id: PrerequisiteID) -> String {
        switch id {
        case .evidenceIntegrity: "Evidence integrity (the bundle is complete and signed)"
        case .directCare: "Direct care to patients"
        case .dspt: "Data Security and Protection Toolkit (DSPT)"
        case .igTraining: "Information-governance training"
        case .hscn: "HSCN connection"
        case .userAccounts: "Individual user accounts"
        }
    }

    /// A signer in one line: subject, email and issuer.
    static func signer(_ identity: SignerIdentity) -> String {
        let email = identity.email.map { " <\($0)>" } ?? ""
        return "\(identity.subject)\(email), issued by \(identity.issuer), valid until \(ISOInstant.string(identity.notAfter))"
    }

    /// Who signed one evidence file: its own signer, else the manifest's signature that pins its digest.
    func signer(of evidence: EvidenceRecord) -> String {
        if let signer = evidence.signer { return Self.signer(signer) }
        return report.bundle.signer == nil ? "nobody the verifier trusts" : "covered by the manifest signature"
    }

    private static func level(_ level: String?) -> String {
        switch level {
        case "live": "live (HSCN endpoints were probed)"
        case "offline": "offline (HSCN endpoints were not probed)"
        case let other?: other
        case nil: "not recorded in this report"
        }
    }

    private static func verdict(_ report: VerificationReport) -> Verdict {
        let failed = report.prerequisites.filter { $0.status == .fail }
        let warned = report.prerequisites.filter { $0.status == .warn }
        let waived = report.prerequisites.flatMap(\.findings).filter { $0.waiver != nil }.count
        var details: [String] = []
        let sentence: String
        let mark: Mark
        switch report.decision {
        case .eligible:
            mark = .eligible
            sentence = "may use the Leeds Care Record"
            details.append("All \(report.prerequisites.count) prerequisites are met"
                + (warned.isEmpty ? "." : "; warnings to review: \(names(warned))."))
        case .notEligible:
            mark = .notEligible
            let count = failed.count == 1 ? "1 prerequisite failed" : "\(failed.count) prerequisites failed"
            sentence = "may not use the Leeds Care Record" + (failed.isEmpty ? "" : ", \(count)")
            if !failed.isEmpty { details.append("Failed: \(names(failed)).") }
            if !warned.isEmpty { details.append("Warnings to review: \(names(warned)).") }
        }
        if waived > 0 {
            details.append(waived == 1
                ? "1 finding is accepted under a steering-group waiver."
                : "\(waived) findings are accepted under steering-group waivers.")
        }
        if (report.decision == .eligible) != failed.isEmpty {
            details.append("This report's decision does not agree with its prerequisite statuses: treat it as suspect.")
        }
        return Verdict(mark: mark, sentence: sentence, details: details)
    }

    private static func names(_ prerequisites: [PrerequisiteResult]) -> String {
        prerequisites.map { title($0.id) }.joined(separator: "; ")
    }

    private static func section(_ prerequisite: PrerequisiteResult, asOf: Date) -> Section {
        let findings = prerequisite.findings
        let kinds: [(Mark, String, (Finding) -> Bool)] = [
            (.failed, "must be fixed", { $0.severity == .error }),
            (.waived, "accepted by the steering group until the date shown", { $0.severity != .error && $0.waiver != nil }),
            (.warning, "should be reviewed", { $0.severity == .warning && $0.waiver == nil }),
            (.info, "for information only", { $0.severity == .info && $0.waiver == nil }),
        ]
        let groups = kinds.compactMap { mark, heading, belongs -> Group? in
            let items = findings.filter(belongs).map { item($0, asOf: asOf) }
            return items.isEmpty ? nil : Group(mark: mark, heading: heading, items: items)
        }
        return Section(
            id: prerequisite.id.rawValue, title: title(prerequisite.id), mark: Mark(prerequisite.status),
            summary: prerequisite.summary, groups: groups)
    }

    private static func item(_ finding: Finding, asOf: Date) -> Item {
        let place = [finding.evidence, finding.location].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return Item(
            code: finding.code.rawValue, message: finding.message, place: place.isEmpty ? nil : place,
            action: FindingGuidance.action(for: finding.code), waiver: finding.waiver.map { waiver($0, asOf: asOf) })
    }

    private static func waiver(_ waiver: FindingWaiver, asOf: Date) -> String {
        let lapsed = waiver.until <= asOf ? " (it had lapsed by the time of this verification)" : ""
        return "Accepted until \(ReadableInstant.string(waiver.until)), approved by \(waiver.approvedBy) "
            + "on \(ReadableInstant.string(waiver.approvedAt))\(lapsed). Reason: \(waiver.reason)"
    }
}
