import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// Rendered reports for meetings: every applicant-supplied value is escaped.
@Suite struct ReportRenderingTests {
    let pki = sharedPKI

    func hostileReport() async throws -> (VerificationReport, TestFolder) {
        var builder = BundleBuilder.withUserList()
        builder.organisationName = "Evil <script>alert(1)</script> | Practice"
        builder.addUnlisted("<img src=x onerror=alert(2)>.csv", Data("x".utf8))
        let folder = TestFolder()
        return (try await verify(builder.write(in: folder, signer: pki.signer), pki: pki), folder)
    }

    @Test func htmlEscapesApplicantText() async throws {
        let (report, _) = try await hostileReport()
        let html = ReportDocumentRenderer.html(report)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("evidence.unlisted"))
        #expect(html.contains("NOT ELIGIBLE"))
    }

    @Test func markdownKeepsTablesIntact() async throws {
        let (report, _) = try await hostileReport()
        let markdown = ReportDocumentRenderer.markdown(report)
        let organisationRow = markdown.split(separator: "\n").first { $0.hasPrefix("| Organisation | ") }!
        #expect(organisationRow.contains("Evil &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\| Practice |"))
        let prerequisiteRows = markdown.split(separator: "\n").filter {
            $0.hasPrefix("| Evidence integrity (the bundle is complete and signed) | ") || $0.hasPrefix("| Data Security and Protection Toolkit (DSPT) | ")
        }
        #expect(prerequisiteRows.count == 2)
        #expect(!markdown.contains("<img"))
    }

    @Test func renderCommandPrintsEachFormatAndRefusesGarbage() async throws {
        let (report, folder) = try await hostileReport()
        let file = try folder.write(try ReportCoding.encode(report), to: "report.json")
        for format in ["html", "markdown", "text"] {
            let result = try CLI.run(["report", "render", file.path, "--format", format])
            #expect(result.status == 0)
            #expect(result.stdout.contains("B86001"))
        }
        let garbage = try folder.write("{\"format\":1}", to: "garbage.json")
        let refused = try CLI.run(["report", "render", garbage.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("garbage.json"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }
}

/// Evidence that tries to rewrite what a reader sees: terminal escapes, fake lines, Markdown and HTML syntax.
@Suite struct HostileTextRenderingTests {
    let pki = sharedPKI

    /// A failing report (the user list bundle has no DSPT, training or HSCN evidence) with `payload` in
    /// every text field a report carries, including codes and digests: a report handed to `render` may be forged.
    func report(carrying payload: String) async throws -> VerificationReport {
        let folder = TestFolder()
        var report = try await verify(BundleBuilder.withUserList().write(in: folder, signer: pki.signer), pki: pki)
        report.organisation.name = payload
        report.organisation.accessRequested = payload
        report.policySha256 = payload
        report.verifier.version = payload
        report.level = payload
        for index in report.prerequisites.indices {
            report.prerequisites[index].summary = payload
            var finding = Finding(FindingCode(payload), .error, payload, evidence: payload, location: payload)
            finding.waiver = FindingWaiver(until: TestPKI.asOf, reason: payload, approvedBy: payload, approvedAt: TestPKI.asOf)
            report.prerequisites[index].findings.append(finding)
        }
        report.evidence.append(EvidenceRecord(kind: payload, path: payload, sha256: payload, bytes: 1, signer: nil))
        report.endpoints = [EndpointRecord(
            url: payload, address: payload, status: .tlsFailed, tlsVersion: payload, certificateSha256: payload, error: payload)]
        return report
    }

    static let terminalAttack = "\u{1B}[2J\u{1B}[H\rDecision: ELIGIBLE\nDecision: ELIGIBLE\u{1B}[8m"

    @Test func textSummaryCannotRedrawTheDecision() async throws {
        let report = try await report(carrying: Self.terminalAttack)
        #expect(report.decision == .notEligible)
        for signature in [nil, ReportSignatureCheck.notValid(reason: Self.terminalAttack)] {
            let text = ReportTextRenderer.render(report, signature: signature)
            #expect(!text.utf8.contains(0x1B))
            #expect(!text.utf8.contains(UInt8(ascii: "\r")))
            let decisions = text.split(separator: "\n").filter { $0.hasPrefix("Decision:") }
            #expect(decisions.count == 1)
            #expect(decisions.first?.hasPrefix("Decision: NOT ELIGIBLE") == true)
            #expect(text.contains("\\x1B[2J\\x1B[H\\rDecision: ELIGIBLE\\nDecision: ELIGIBLE"))
        }
    }

    @Test func bidiOverridesAreShownNotObeyed() async throws {
        let report = try await report(carrying: "evil\u{202E}gnp.exe\u{2066}")
        let shown = [
            (ReportTextRenderer.render(report), "evil\\u{202E}gnp.exe\\u{2066}"),
            (ReportDocumentRenderer.html(report), "evil\\u{202E}gnp.exe\\u{2066}"),
            (ReportDocumentRenderer.markdown(report), #"evil\\u\{202E\}gnp.exe\\u\{2066\}"#),
        ]
        for (output, text) in shown {
            #expect(!output.unicodeScalars.contains { TerminalText.needsEscape($0) && $0 != "\n" })
            #expect(output.contains(text))
        }
    }

    /// Markdown characters outside escapes (a `|` after a backslash is text, not a cell border).
    func unescaped(_ character: Character, in line: Substring) -> Int {
        var count = 0
        var escaping = false
        for each in line {
            if escaping { escaping = false; continue }
            if each == "\\" { escaping = true } else if each == character { count += 1 }
        }
        return count
    }

    @Test func markdownEvidenceAddsNoHeadingLinkImageCellOrMarkup() async throws {
        let attack = "x\r\n# Owned\n[click](https://evil.example/)![pixel](https://evil.example/p.png)<b>bold</b> `code` *em* _em_ | cell ~~s~~ &amp; $x$ \u{1B}[2J"
        let hostile = ReportDocumentRenderer.markdown(try await report(carrying: attack))
        // "x y" is not a plain code, so like the attack it is escaped text rather than a code span.
        let benign = ReportDocumentRenderer.markdown(try await report(carrying: "x y"))
        let hostileLines = hostile.split(separator: "\n", omittingEmptySubsequences: false)
        let benignLines = benign.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(hostileLines.count == benignLines.count)
        #expect(hostileLines.filter { $0.hasPrefix("#") }.count == benignLines.filter { $0.hasPrefix("#") }.count)
        for (hostileLine, benignLine) in zip(hostileLines, benignLines) {
            for character: Character in ["|", "[", "]", "(", ")", "!", "`", "*", "_", "~", "$", "#"] {
                #expect(unescaped(character, in: hostileLine) == unescaped(character, in: benignLine), "\(character) in \(hostileLine)")
            }
        }
        #expect(!hostile.utf8.contains(0x1B) && !hostile.utf8.contains(UInt8(ascii: "\r")))
        #expect(!hostile.contains("<") && !hostile.contains(">") && !hostile.contains("[click]("))
        #expect(hostile.contains("&lt;b&gt;bold&lt;/b&gt;") && hostile.contains("\\&amp;"))
        // Shown as the text `x\r\n# Owned\n[click](…)![pixel]`: the control escapes' backslashes are escaped too.
        #expect(hostile.contains(##"x\\r\\n\# Owned\\n\[click\]\(https\://evil.example/\)\!\[pixel\]"##))
    }

    /// GitHub turns a bare `https://…` or `www.…` in text into a link; escaping its `:` or the dot of `www.` stops that.
    @Test func markdownEvidenceMakesNoBareAutolink() async throws {
        let hostile = ReportDocumentRenderer.markdown(try await report(carrying: "see https://evil.example/x or WWW.evil.example"))
        #expect(hostile.contains(#"see https\://evil.example/x or WWW\.evil.example"#))
        #expect(!hostile.contains("https://evil") && !hostile.contains("WWW.evil"))
    }

    @Test func htmlEscapesEveryFieldEverywhere() async throws {
        let hostile = ReportDocumentRenderer.html(
            try await report(carrying: "\"'&<i>x</i>\u{1B}"), signature: .notValid(reason: "\"'&<i>x</i>"))
        let benign = ReportDocumentRenderer.html(try await report(carrying: "x"), signature: .notValid(reason: "x"))
        for character: Character in ["<", ">", "\"", "'"] {
            #expect(hostile.filter { $0 == character }.count == benign.filter { $0 == character }.count, "\(character)")
        }
        #expect(!hostile.contains("<i>") && !hostile.utf8.contains(0x1B))
        #expect(hostile.contains("&quot;&#39;&amp;&lt;i&gt;x&lt;/i&gt;\\x1B"))
    }
}

/// `report render` says plainly whether the report's signature was checked, in every format.
@Suite struct RenderedSignatureTests {
    let pki = sharedPKI
    static let asOf = "2026-04-01T12:00:00Z"

    struct SignedReport {
        let folder = TestFolder()
        let trust: URL
        let report: URL

        init(pki: TestPKI) async throws {
            trust = try pki.writeTrustDirectory(in: folder.url)
            let verified = try await verify(BundleBuilder.withUserList().write(in: folder, signer: pki.signer), pki: pki)
            let json = try ReportCoding.encode(verified)
            report = try SignedReportWriter(identity: try pki.reportSigner.signingIdentity())
                .write(verified, json: json, to: folder.path("reports"))
        }

        func render(_ format: String, trusting: Bool) throws -> CLI.Result {
            try CLI.run(["report", "render", report.path, "--format", format]
                + (trusting ? ["--trust", trust.path, "--as-of", RenderedSignatureTests.asOf] : []))
        }
    }

    static let formats = ["text", "markdown", "html"]

    /// The first line of the rendering that is about the signature (HTML opens with its head).
    func signatureLine(_ output: String) -> String? {
        output.split(separator: "\n").first { $0.contains("Report signature") }.map(String.init)
    }

    @Test func withoutTrustTheSignatureIsNotChecked() async throws {
        let signed = try await SignedReport(pki: pki)
        for format in Self.formats {
            let result = try signed.render(format, trusting: false)
            #expect(result.status == 0)
            #expect(signatureLine(result.stdout)?.contains("Report signature not checked") == true, "\(format)")
            #expect(!result.stdout.contains("signature valid"))
        }
    }

    @Test func withTrustAValidSignatureNamesItsSigner() async throws {
        let signed = try await SignedReport(pki: pki)
        for format in Self.formats {
            let result = try signed.render(format, trusting: true)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(signatureLine(result.stdout)?.contains("Report signature valid, signed by") == true, "\(format)")
            #expect(signatureLine(result.stdout)?.contains("LCR IG Steering Group") == true, "\(format)")
        }
        #expect(try signed.render("text", trusting: true).stdout.hasPrefix("Report signature valid, signed by"))
    }

    @Test func withTrustATamperedReportRendersUnderANotValidBannerAndExitsOne() async throws {
        let signed = try await SignedReport(pki: pki)
        var bytes = try Data(contentsOf: signed.report)
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"not-eligible\"", with: "\"eligible\"")
        bytes = Data(text.utf8)
        try bytes.write(to: signed.report)
        for format in Self.formats {
            let result = try signed.render(format, trusting: true)
            #expect(result.status == 1)
            #expect(signatureLine(result.stdout)?.contains("Report signature NOT VALID: ") == true, "\(format)")
            #expect(result.stdout.contains("signature.invalid"))
            #expect(result.stdout.contains("B86001"))
        }
        #expect(try signed.render("text", trusting: true).stdout.hasPrefix("Report signature NOT VALID: "))
        #expect(try signed.render("markdown", trusting: true).stdout.hasPrefix("> **Report signature NOT VALID: "))
        let html = try signed.render("html", trusting: true).stdout
        let banner = try #require(html.range(of: "Report signature NOT VALID"))
        #expect(banner.lowerBound < html.range(of: "<h1>")!.lowerBound)
    }

    @Test func withTrustAMissingSignatureIsExitTwo() async throws {
        let signed = try await SignedReport(pki: pki)
        try FileManager.default.removeItem(atPath: signed.report.path + ".p7s")
        let result = try signed.render("text", trusting: true)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(".json.p7s: does not exist"))
    }

    @Test func asOfWithoutTrustIsAUsageError() async throws {
        let signed = try await SignedReport(pki: pki)
        let result = try CLI.run(["report", "render", signed.report.path, "--as-of", Self.asOf])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--as-of needs --trust"))
    }
}
