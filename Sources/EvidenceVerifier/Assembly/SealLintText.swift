/// What `bundle seal` prints about its lint: the decision `check --no-probe` would reach, then every
/// prerequisite that fails or warns with its failing and warning findings (code, sentence, where, what
/// to do next), from the same `ReportPage` as `check`'s summary. Every line passes through `TerminalText`.
public enum SealLintText {
    public static func render(_ outcome: BundleSealer.Outcome) -> String {
        let page = ReportPage(outcome.report, signature: nil)
        var lines = [
            outcome.sealed
                ? "Sealed: manifest.json lists \(count(outcome.manifest.evidence.count)) and manifest.json.p7s signs it."
                : "NOT sealed (--strict): nothing was written, because the bundle would not be eligible.",
            "Lint as of \(ISOInstant.string(outcome.report.asOf)), as check --no-probe would judge the sealed bundle:",
            "Lint decision: \(page.verdict.headline)",
        ]
        for section in page.sectionsWorstFirst where section.mark != .pass {
            lines.append("  \(section.mark.text)  \(section.title): \(section.summary) (prerequisite \(section.id))")
            for group in section.groups where group.mark != .info {
                for item in group.items {
                    lines.append("      \(group.mark.text) \(item.code): \(item.message)")
                    if let place = item.place { lines.append("        where: \(place)") }
                    lines.append("        next:  \(item.action)")
                }
            }
        }
        return lines.map(TerminalText.escaped).joined(separator: "\n") + "\n"
    }

    private static func count(_ files: Int) -> String {
        files == 1 ? "1 evidence file" : "\(files) evidence files"
    }
}
