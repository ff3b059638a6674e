import Foundation

/// Renders a report as a Markdown or a self-contained HTML document for a steering-group meeting,
/// from the one `ReportPage`: the signature state and the decision first, then the key facts, each
/// prerequisite with its findings and what to do next, the evidence inventory, the endpoints probed
/// and the report's details.
///
/// Every value read from a report is escaped (names, messages, paths and even codes and digests: a
/// report handed to `report render` may have been written by anyone). Control and direction
/// characters are first made visible by `TerminalText`, then the document's own syntax is escaped, so
/// evidence cannot add a heading, a link, an image, a table cell or markup. The HTML page has no
/// script and loads nothing from anywhere: its style sheet is inline and its only links are anchors
/// within the page.
public enum ReportDocumentRenderer {
    /// The report as Markdown; with `signature`, the verdict on the report's signature comes first.
    public static func markdown(_ report: VerificationReport, signature: ReportSignatureCheck? = nil) -> String {
        let page = ReportPage(report, signature: signature)
        let text = MarkdownText.escaped
        func value(_ fact: ReportPage.Fact) -> String { fact.literal ? MarkdownText.literal(fact.value) : text(fact.value) }
        var lines: [String] = []
        if let note = page.signature {
            lines += ["> **\(text(note.line))**", ">", "> \(note.symbol) \(text(note.advice))", ""]
        }
        lines += ["# \(page.verdict.mark.symbol) \(text(page.verdict.headline))", ""]
        lines += page.verdict.details.flatMap { ["**\(text($0))**", ""] }
        lines += ["| Key fact | |", "|---|---|"] + page.facts.map { "| \($0.label) | \(value($0)) |" }
        lines += ["", "## Prerequisites at a glance", "", "| Prerequisite | Status | Findings |", "|---|---|---|"]
        lines += page.sections.map { "| \($0.title) | \($0.mark.text) | \($0.tally) |" }
        lines += ["", "## Findings and what to do next"]
        for section in page.sectionsWorstFirst {
            lines += ["", "### \(section.mark.text) — \(section.title)", "", "Prerequisite \(MarkdownText.literal(section.id)): \(text(section.summary))"]
            if section.groups.isEmpty { lines += ["", "No findings."] }
            for group in section.groups {
                lines += ["", "#### \(group.mark.text) — \(group.heading) (\(group.items.count))", ""]
                for item in group.items {
                    lines.append("- **\(text(item.message))**")
                    if let place = item.place { lines.append("  - Where: \(text(place))") }
                    lines.append("  - What to do next: \(text(item.action))")
                    if let waiver = item.waiver { lines.append("  - Waiver: \(text(waiver))") }
                    lines.append("  - Finding code: \(MarkdownText.literal(item.code))")
                }
            }
        }
        lines += ["", "## Evidence inventory", ""]
        if report.evidence.isEmpty {
            lines.append("No evidence files were listed.")
        } else {
            lines += ["| Kind | File | Bytes | SHA-256 | Signed by |", "|---|---|---|---|---|"]
            lines += report.evidence.map {
                "| \(text($0.kind)) | \(text($0.path)) | \($0.bytes.map(String.init) ?? "—") | \(MarkdownText.literal($0.sha256)) | \(text(page.signer(of: $0))) |"
            }
        }
        lines += ["", "## Endpoints probed", ""]
        if report.endpoints.isEmpty {
            lines.append(endpointsAbsent(report))
        } else {
            lines += ["| Endpoint | Result | Address | TLS | Certificate SHA-256 | Error |", "|---|---|---|---|---|---|"]
            lines += report.endpoints.map {
                "| \(text($0.url)) | \(text($0.status.rawValue)) | \(text($0.address ?? "—")) | \(text($0.tlsVersion ?? "—")) | \(MarkdownText.literal($0.certificateSha256 ?? "—")) | \(text($0.error ?? "—")) |"
            }
        }
        lines += ["", "## About this report", "", "| Detail | |", "|---|---|"] + page.details.map { "| \($0.label) | \(value($0)) |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as one self-contained HTML page; with `signature`, the verdict on the report's
    /// signature comes first, right above the decision.
    public static func html(_ report: VerificationReport, signature: ReportSignatureCheck? = nil) -> String {
        let page = ReportPage(report, signature: signature)
        let escape = HTMLText.escaped
        func mark(_ mark: ReportPage.Mark) -> String {
            "<span class=\"mark tone-\(mark.tone.rawValue)\"><span aria-hidden=\"true\">\(mark.symbol)</span> \(mark.word)</span>"
        }
        func cell(_ fact: ReportPage.Fact) -> String {
            fact.literal ? "<code>\(escape(fact.value))</code>" : escape(fact.value)
        }
        func factTable(_ caption: String, _ facts: [ReportPage.Fact]) -> String {
            "<table class=\"facts\"><caption>\(caption)</caption><tbody>"
                + facts.map { "<tr><th scope=\"row\">\(escape($0.label))</th><td>\(cell($0))</td></tr>" }.joined()
                + "</tbody></table>"
        }
        func table(_ caption: String, _ headers: [String], _ rows: [[String]]) -> String {
            "<table><caption>\(caption)</caption><thead><tr>"
                + headers.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>"
                + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined()
                + "</tbody></table>"
        }
        var body: [String] = []
        body.append("<header>")
        body.append("<p class=\"kicker\">Leeds Care Record · access verification report for the Information Governance steering group</p>")
        if let note = page.signature {
            body.append("<div class=\"box signature tone-\(note.tone.rawValue)\" role=\"note\" aria-label=\"Report signature\">"
                + "<p><span class=\"mark\" aria-hidden=\"true\">\(note.symbol)</span> \(escape(note.line))</p><p>\(escape(note.advice))</p></div>")
        }
        let verdict = page.verdict
        body.append("<div class=\"box verdict tone-\(verdict.mark.tone.rawValue)\">")
        body.append("<h1>\(mark(verdict.mark)): <span class=\"sentence\">\(escape(verdict.sentence))</span></h1>")
        body += verdict.details.map { "<p><strong>\(escape($0))</strong></p>" }
        body.append("</div>")
        body.append(factTable("Key facts", page.facts))
        body.append("</header>")
        body.append("<main>")
        body.append("<section aria-labelledby=\"glance\"><h2 id=\"glance\">Prerequisites at a glance</h2>")
        body.append(table("Each prerequisite's status", ["Prerequisite", "Status", "Findings"], page.sections.map {
            ["<a href=\"#\(anchor($0.id))\">\(escape($0.title))</a>", mark($0.mark), escape($0.tally)]
        }))
        body.append("</section>")
        body.append("<section aria-labelledby=\"findings\"><h2 id=\"findings\">Findings and what to do next</h2>")
        for section in page.sectionsWorstFirst {
            body.append("<section class=\"prerequisite box tone-\(section.mark.tone.rawValue)\" id=\"\(anchor(section.id))\">")
            body.append("<h3>\(mark(section.mark)) — \(escape(section.title))</h3>")
            body.append("<p>\(escape(section.summary)) <span class=\"note\">(prerequisite <code>\(escape(section.id))</code>)</span></p>")
            if section.groups.isEmpty { body.append("<p class=\"note\">No findings.</p>") }
            for group in section.groups {
                body.append("<h4>\(mark(group.mark)) — \(escape(group.heading)) (\(group.items.count))</h4><ol class=\"findings\">")
                for item in group.items {
                    var facts = [("What to do next", escape(item.action))]
                    if let place = item.place { facts.insert(("Where", escape(place)), at: 0) }
                    if let waiver = item.waiver { facts.append(("Waiver", escape(waiver))) }
                    facts.append(("Finding code", "<code>\(escape(item.code))</code>"))
                    body.append("<li><p class=\"message\">\(escape(item.message))</p><dl>"
                        + facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined() + "</dl></li>")
                }
                body.append("</ol>")
            }
            body.append("</section>")
        }
        body.append("</section>")
        body.append("<section aria-labelledby=\"inventory\"><h2 id=\"inventory\">Evidence inventory</h2>")
        body.append(report.evidence.isEmpty ? "<p>No evidence files were listed.</p>" : table(
            "Files the signed manifest lists, as measured", ["Kind", "File", "Bytes", "SHA-256", "Signed by"], report.evidence.map {
                [escape($0.kind), escape($0.path), $0.bytes.map(String.init) ?? "—", "<code class=\"digest\">\(escape($0.sha256))</code>",
                 escape(page.signer(of: $0))]
            }))
        body.append("</section>")
        body.append("<section aria-labelledby=\"endpoints\"><h2 id=\"endpoints\">Endpoints probed</h2>")
        body.append(report.endpoints.isEmpty ? "<p>\(escape(endpointsAbsent(report)))</p>" : table(
            "HSCN endpoints and what each presented", ["Endpoint", "Result", "Address", "TLS", "Certificate SHA-256", "Error"],
            report.endpoints.map {
                [escape($0.url), escape($0.status.rawValue), escape($0.address ?? "—"), escape($0.tlsVersion ?? "—"),
                 "<code class=\"digest\">\(escape($0.certificateSha256 ?? "—"))</code>", escape($0.error ?? "—")]
            }))
        body.append("</section>")
        body.append("<section aria-labelledby=\"about\"><h2 id=\"about\">About this report</h2>")
        body.append(factTable("Details for reviewers", page.details))
        body.append("</section>")
        body.append("</main>")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(page.title))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head><body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    /// Why the endpoints table is empty.
    static func endpointsAbsent(_ report: VerificationReport) -> String {
        report.level == "offline"
            ? "No endpoints were probed: this verification ran offline."
            : "No endpoints were probed."
    }

    /// A fragment name for a prerequisite id: our ids are plain, anything else becomes a safe name.
    private static func anchor(_ id: String) -> String {
        "prerequisite-" + String(id.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-") ? Character(scalar) : "_"
        })
    }
}
