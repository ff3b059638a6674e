import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// `report render` as a steering-group meeting uses it, on real signed reports of the committed
/// examples: the decision in words beside the signature state, every failure with what to do next,
/// waivers with who approved them and until when, and the same content in the same order in every format.
@Suite struct ReportPageTests {
    static let formats = ["text", "markdown", "html"]

    /// What a reader sees of `report` rendered in `format` with its signature checked.
    func readable(_ reports: ExampleReports, _ report: URL, _ format: String, status: Int32 = 0) throws -> String {
        let result = try reports.render(report, format)
        #expect(result.status == status, "\(format): \(result.stderr)")
        return ReadableText.of(result.stdout, format: format)
    }

    /// What every format must say, in this order: signature and decision, the key facts, the
    /// prerequisites at a glance, each prerequisite (failed first, then warned) with each finding's
    /// message, place, next step and waiver, the inventory, the endpoints and the details.
    func expectedOrder(_ report: VerificationReport, signature: String) -> [String] {
        var needles = [signature, report.decision == .eligible ? "ELIGIBLE: may use the Leeds Care Record" : "NOT ELIGIBLE: may not use",
                       "Organisation", "B86001 Example Medical Practice", "Verified as of", "1 April 2026, 13:00 UK time",
                       "Re-verify by", "Verification level", "offline (HSCN endpoints were not probed)"]
        for prerequisite in report.prerequisites {
            needles.append(ReportPage.title(prerequisite.id))
        }
        let worstFirst = [PrerequisiteStatus.fail, .warn, .pass].flatMap { status in report.prerequisites.filter { $0.status == status } }
        for prerequisite in worstFirst {
            needles += [ReportPage.title(prerequisite.id), prerequisite.summary]
            // Worst first: errors, then waived, then warnings, then information.
            let ordered = prerequisite.findings.filter { $0.severity == .error }
                + prerequisite.findings.filter { $0.waiver != nil && $0.severity != .error }
                + prerequisite.findings.filter { $0.waiver == nil && $0.severity == .warning }
                + prerequisite.findings.filter { $0.waiver == nil && $0.severity == .info }
            for finding in ordered {
                needles.append(finding.message)
                if let evidence = finding.evidence { needles.append(evidence) }
                needles.append(FindingGuidance.action(for: finding.code))
                if finding.waiver != nil { needles.append("approved by \(ExampleReports.waiverApprover)") }
                needles.append(finding.code.rawValue)
            }
        }
        needles.append("Evidence inventory")
        for evidence in report.evidence { needles += [evidence.path, evidence.sha256] }
        needles += ["Endpoints probed", "No endpoints were probed: this verification ran offline.", "About this report",
                    report.policySha256, "2026-04-01T12:00:00Z", "2026-06-30T23:00:00Z", ISOInstant.string(report.generatedAt)]
        return needles
    }

    @Test(arguments: ["eligible", "lapsed-training", "lookalike-domain", "no-direct-care"])
    func everyFormatCarriesTheSameContentInTheSameOrder(example: String) async throws {
        let reports = ExampleReports()
        let file = try reports.signed(example)
        let report = try reports.decode(file)
        let needles = expectedOrder(report, signature: "Report signature valid, signed by")
        for format in Self.formats {
            let text = try readable(reports, file, format)
            #expect(ReadableText.firstOutOfOrder(needles, in: text) == nil, "\(example) \(format)")
        }
    }

    @Test func aFailingReportSaysNotEligibleWithTheCountAndEveryNextStep() async throws {
        let reports = ExampleReports()
        let file = try reports.signed("lookalike-domain")
        let report = try reports.decode(file)
        let errors = report.prerequisites.flatMap(\.findings).filter { $0.severity == .error }
        #expect(errors.count == 2)
        for format in Self.formats {
            let text = try readable(reports, file, format)
            #expect(text.contains("NOT ELIGIBLE: may not use the Leeds Care Record, 2 prerequisites failed"), "\(format)")
            #expect(text.contains("Failed: Information-governance training; Individual user accounts."), "\(format)")
            #expect(text.contains("✖ FAIL") && text.contains("▲ WARN") && text.contains("✔ PASS"), "\(format)")
            for finding in errors {
                #expect(FindingGuidance.covers(finding.code))
                #expect(text.contains(FindingGuidance.action(for: finding.code)), "\(format) \(finding.code)")
            }
            #expect(!text.contains("ELIGIBLE: may use"), "\(format)")
        }
    }

    @Test func anEligibleReportSaysSoInWords() async throws {
        let reports = ExampleReports()
        let file = try reports.signed("eligible")
        for format in Self.formats {
            let text = try readable(reports, file, format)
            #expect(text.contains("ELIGIBLE: may use the Leeds Care Record"), "\(format)")
            #expect(text.contains("All 6 prerequisites are met; warnings to review: HSCN connection."), "\(format)")
            #expect(!text.contains("NOT ELIGIBLE"), "\(format)")
            #expect(!text.contains("✖"), "\(format)")
        }
    }

    @Test func aWaiverShowsWhoApprovedItUntilWhenAndWhy() async throws {
        let reports = ExampleReports()
        let file = try reports.waived("lookalike-domain")
        let report = try reports.decode(file)
        #expect(report.decision == .eligible)
        let waived = report.prerequisites.flatMap(\.findings).filter { $0.waiver != nil }
        #expect(Set(waived.map(\.code.rawValue)) == ["email.domain-not-allowed", "training.user-untrained"])
        for format in Self.formats {
            let text = try readable(reports, file, format)
            #expect(text.contains("ELIGIBLE: may use the Leeds Care Record"), "\(format)")
            #expect(text.contains("2 findings are accepted under steering-group waivers."), "\(format)")
            #expect(text.contains("◆ WAIVED"), "\(format)")
            #expect(text.contains(
                "Accepted until 1 July 2026, 00:00 UK time, approved by \(ExampleReports.waiverApprover) on 25 March 2026, 10:00 UK time. "
                    + "Reason: \(ExampleReports.waiverReason)"), "\(format)")
            #expect(ReadableText.firstOutOfOrder(expectedOrder(report, signature: "Report signature valid"), in: text) == nil, "\(format)")
        }
    }

    @Test func aTamperedReportRendersUnderNotValidBesideItsForgedDecision() async throws {
        let reports = ExampleReports()
        let file = try reports.tampered("lookalike-domain")
        for format in Self.formats {
            let text = try readable(reports, file, format, status: 1)
            #expect(ReadableText.firstOutOfOrder([
                "Report signature NOT VALID: the signature", "Do not rely on this page",
                "ELIGIBLE: may use the Leeds Care Record",
                "This report's decision does not agree with its prerequisite statuses: treat it as suspect.",
            ], in: text) == nil, "\(format)")
        }
    }

    @Test func withoutTrustThePageSaysTheSignatureWasNotChecked() async throws {
        let reports = ExampleReports()
        let file = try reports.signed("eligible")
        for format in Self.formats {
            let result = try CLI.run(["report", "render", file.path, "--format", format])
            let text = ReadableText.of(result.stdout, format: format)
            #expect(ReadableText.firstOutOfOrder([
                "Report signature not checked", "Render it with --trust", "ELIGIBLE: may use the Leeds Care Record",
            ], in: text) == nil, "\(format)")
        }
    }

    @Test func theVerificationLevelIsRecordedAndShown() async throws {
        let folder = TestFolder()
        let pki = sharedPKI
        let bundle = try EvidenceBundleReader().read(try BundleBuilder.withUserList().write(in: folder, signer: pki.signer))
        for (probe, level) in [(false, "offline"), (true, "live")] {
            let verification = try BundleVerification(
                policy: .defaults, signerAnchors: [pki.root.certificate], hscnAnchors: [pki.root.certificate], probeEndpoints: probe)
            let report = await verification.verify(bundle, asOf: TestPKI.asOf, generatedAt: TestPKI.asOf)
            #expect(report.level == level)
            #expect(try ReportCoding.decode(try ReportCoding.encode(report), file: "report").level == level)
            #expect(ReportTextRenderer.render(report).contains("\(level) (HSCN endpoints were"))
        }
        // A report from before the field existed still renders, and says the level was not recorded.
        var old = try await verify(try BundleBuilder.withUserList().write(in: folder, name: "old", signer: pki.signer), pki: pki)
        old.level = nil
        #expect(!String(decoding: try ReportCoding.encode(old), as: UTF8.self).contains("\"level\""))
        #expect(ReportDocumentRenderer.markdown(old).contains("not recorded in this report"))
    }

    @Test func everyFindingCodeTheProjectEmitsHasItsOwnNextStep() throws {
        let codes = try SourceFindingCodes.all()
        #expect(codes.count > 70)
        for code in codes.sorted() {
            #expect(FindingGuidance.covers(FindingCode(code)), "\(code) has no next step in FindingGuidance")
        }
    }

    @Test func anUnknownCodeGetsTheGenericSentenceAndKeepsItsSeverity() async throws {
        let folder = TestFolder()
        var report = try await verify(try BundleBuilder.withUserList().write(in: folder, signer: sharedPKI.signer), pki: sharedPKI)
        let code = FindingCode("future.check-we-do-not-know")
        #expect(!FindingGuidance.covers(code))
        report.prerequisites[0].findings.append(.error(code, "A check from a newer verifier failed."))
        let text = ReportTextRenderer.render(report)
        #expect(text.contains("A check from a newer verifier failed.\n          next:  \(FindingGuidance.unknownCode)"))
        let html = ReadableText.of(ReportDocumentRenderer.html(report), format: "html")
        #expect(html.contains("FAILED — must be fixed"))
        #expect(html.contains(FindingGuidance.unknownCode))
    }

    @Test func theHTMLPageIsSelfContainedPrintableAndAccessible() async throws {
        let reports = ExampleReports()
        let html = try reports.render(try reports.signed("lookalike-domain"), "html").stdout
        for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "url(", "@import", "http-equiv"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        let hrefs = html.components(separatedBy: "href=\"").dropFirst()
        #expect(!hrefs.isEmpty)
        #expect(hrefs.allSatisfy { $0.hasPrefix("#prerequisite-") })
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("@page{size:A4"))
        #expect(html.contains("@media print{"))
        #expect(html.components(separatedBy: "<h1>").count == 2)
        #expect(html.contains("<h2 id=\"glance\">") && html.contains("<h3>"))
        #expect(html.contains("<caption>") && html.contains("<th scope=\"col\">") && html.contains("<th scope=\"row\">"))
        // Each mark is a word beside its symbol; the symbol alone is hidden from screen readers.
        #expect(html.contains("<span aria-hidden=\"true\">✖</span> FAIL</span>"))
    }

    /// WCAG 2 relative luminance of `#rrggbb`.
    func luminance(_ colour: ReportStyle.Colour) -> Double {
        let hex = Array(colour.hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(hex[$0..<$0 + 2]), radix: 16)!) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    @Test func everyTextColourHasAtLeastAAContrast() {
        #expect(ReportStyle.textPairs.count >= 10)
        for (text, background) in ReportStyle.textPairs {
            let (lighter, darker) = (max(luminance(text), luminance(background)), min(luminance(text), luminance(background)))
            let ratio = (lighter + 0.05) / (darker + 0.05)
            #expect(ratio >= 4.5, "\(text.hex) on \(background.hex) is \(ratio):1")
        }
        // The check itself can fail: mid grey on white is below AA.
        let grey = luminance(ReportStyle.Colour(hex: "#999999"))
        #expect((1.05) / (grey + 0.05) < 4.5)
    }
}
