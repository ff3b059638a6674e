import EvidenceVerifier
import Foundation
import PartnerRegistry
import Testing

@testable import PartnerOperations

/// Which fact a report's `reverifyBy` is, how close it is, and the months the pictures put lapses and
/// verifications in, at fixed instants.
@Suite("Dashboard lapses and pictures")
struct DashboardLapseTests {
    static func instant(_ text: String) -> Date { ISOInstant.parse(text)! }

    /// The eligible example's report as of 2026-04-01T12:00:00Z: its DSPT assessment lapses first, at 1 July 2026 00:00 UK time.
    static func eligibleReport() async throws -> VerificationReport {
        let fixture = try OperationsFixture()
        return try await fixture.submit(OperationsFixture.example("eligible")).verified.report
    }

    @Test("The DSPT deadline, a certificate, training or an unknown fact, read back from the report")
    func classifiesTheLapse() async throws {
        let report = try await Self.eligibleReport()
        #expect(report.reverifyBy == Self.instant("2026-06-30T23:00:00Z"))
        let dspt = try #require(LapseClassifier.lapse(of: report))
        #expect(dspt.reason == .dsptDeadline)
        #expect(dspt.detail == "the DSPT assessment is current only until the 30 June 2026 deadline")

        var signer = report
        signer.bundle.signer?.notAfter = Self.instant("2026-06-30T23:00:00Z")
        #expect(LapseClassifier.lapse(of: signer)?.reason == .certificate)
        #expect(LapseClassifier.lapse(of: signer)?.detail.hasPrefix("the certificate of the manifest's signer (") == true)

        var hscn = report
        hscn.reverifyBy = Self.instant("2026-09-15T10:20:30Z")
        let details = Finding.info(.certificateDetails, "Leaf: CN=gateway; issuer CN=ca; names DNS:gateway; key EC P-256; signature ecdsa-with-SHA256; valid 2025-09-15T10:20:30Z to 2026-09-15T10:20:30Z; SHA-256 ab.", evidence: "hscn/gateway.pem", location: "certificate 1 (leaf)")
        hscn.prerequisites = hscn.prerequisites.map { prerequisite in
            prerequisite.id == .hscn ? PrerequisiteResult(id: .hscn, summary: prerequisite.summary, findings: prerequisite.findings + [details]) : prerequisite
        }
        #expect(LapseClassifier.lapse(of: hscn) == Lapse(
            at: Self.instant("2026-09-15T10:20:30Z"), reason: .certificate, detail: "the HSCN certificate expires (hscn/gateway.pem, certificate 1 (leaf))"))

        var training = report
        training.reverifyBy = Self.instant("2026-12-22T00:00:00Z")  // the start of 22 December in London (GMT)
        #expect(LapseClassifier.lapse(of: training)?.reason == .training)
        training.reverifyBy = Self.instant("2026-08-22T00:00:00Z")  // 01:00 in London (BST): no UK day starts then
        #expect(LapseClassifier.lapse(of: training)?.reason == .unknown)

        var failedDSPT = report
        failedDSPT.prerequisites = failedDSPT.prerequisites.map { prerequisite in
            prerequisite.id == .dspt || prerequisite.id == .igTraining
                ? PrerequisiteResult(id: prerequisite.id, summary: prerequisite.summary, findings: [.error(.dsptStatusNotMet, "not met")])
                : prerequisite
        }
        #expect(LapseClassifier.lapse(of: failedDSPT)?.reason == .unknown)
        #expect(LapseClassifier.lapse(of: failedDSPT)?.detail == "the report does not say which fact lapses then")

        var none = report
        none.reverifyBy = nil
        #expect(LapseClassifier.lapse(of: none) == nil)
    }

    @Test("A lapse at or before the instant has lapsed; within the notice period it is soon, to the second")
    func urgency() {
        let asOf = Self.instant("2026-06-10T09:00:00Z")
        #expect(LapseUrgency(asOf, asOf: asOf, noticeDays: 30) == .lapsed)
        #expect(LapseUrgency(asOf.addingTimeInterval(1), asOf: asOf, noticeDays: 30) == .soon)
        #expect(LapseUrgency(Self.instant("2026-07-10T09:00:00Z"), asOf: asOf, noticeDays: 30) == .soon)
        #expect(LapseUrgency(Self.instant("2026-07-10T09:00:01Z"), asOf: asOf, noticeDays: 30) == .later)
        #expect(LapseUrgency(asOf.addingTimeInterval(1), asOf: asOf, noticeDays: 0) == .later)
    }

    @Test("Lapses fall in UK calendar months from the as-of month; earlier ones have lapsed, later ones are after the strip")
    func calendarMonths() {
        func entry(_ odsCode: String, _ at: String, _ reason: LapseReason = .training) -> LapseCalendar.Entry {
            LapseCalendar.Entry(odsCode: odsCode, lapse: Lapse(at: Self.instant(at), reason: reason, detail: ""))
        }
        let calendar = LapseCalendar(asOf: Self.instant("2026-03-15T12:00:00Z"), entries: [
            entry("LAPSED", "2026-03-10T00:00:00Z"),
            entry("EXACT", "2026-03-15T12:00:00Z"),
            entry("MARCH", "2026-03-31T22:30:00Z", .dsptDeadline),  // 23:30 GMT, still March in London
            entry("APRIL", "2026-03-31T23:30:00Z", .certificate),  // 00:30 BST on 1 April in London
            entry("LAST", "2027-02-28T23:59:59Z"),
            entry("AFTER", "2027-03-01T00:00:00Z"),
        ])
        #expect(calendar.months.map(\.month.name).first == "March 2026")
        #expect(calendar.months.map(\.month.name).last == "February 2027")
        #expect(calendar.months.count == 12)
        #expect(calendar.lapsed.map(\.odsCode) == ["LAPSED", "EXACT"])
        #expect(calendar.months[0].entries.map(\.odsCode) == ["MARCH"])
        #expect(calendar.months[1].entries.map(\.odsCode) == ["APRIL"])
        #expect(calendar.months[1].count(.certificate) == 1 && calendar.months[1].count(.training) == 0)
        #expect(calendar.months[11].entries.map(\.odsCode) == ["LAST"])
        #expect(calendar.later.map(\.odsCode) == ["AFTER"])

        let svg = SVGCalendarStrip.svg(calendar)
        #expect(svg.contains("<title id=\"lapse-calendar-title\">Partners whose verification lapses, month by month, March 2026 to February 2027</title>"))
        #expect(svg.contains("<title>April 2026: 1 partner lapse: APRIL (certificate)</title>"))
        #expect(svg.contains("<title>May 2026: no partner lapses</title>"))
        #expect(svg.contains(">Mar</text>") && svg.contains(">Feb</text>") && svg.contains(">2027</text>"))
        #expect(!svg.contains("<script"))
    }

    @Test("The timeline labels every UK month it spans and names each verification's standing")
    func timelineMonths() throws {
        let points = [
            SVGTimeline.Point(at: Self.instant("2026-04-30T23:30:00Z"), standing: .notEligible, note: "first"),  // 1 May in London
            SVGTimeline.Point(at: Self.instant("2026-07-01T06:00:00Z"), standing: .waived, note: "second"),
            SVGTimeline.Point(at: Self.instant("2026-07-02T06:00:00Z"), standing: .eligible, note: ""),
        ]
        let svg = try #require(SVGTimeline.svg(points.reversed(), title: "Verifications of <X> & co"))
        #expect(svg.contains("<title id=\"timeline-title\">Verifications of &lt;X&gt; &amp; co</title>"))
        #expect(svg.contains(">May 2026</text>") && svg.contains(">Jun 2026</text>") && svg.contains(">Jul 2026</text>"))
        #expect(!svg.contains(">Apr 2026</text>") && !svg.contains(">Aug 2026</text>"))
        #expect(svg.contains("<title>1 May 2026, 00:30 UK time: ✖ NOT ELIGIBLE (first)</title>"))
        #expect(svg.contains("<title>1 July 2026, 07:00 UK time: ◆ ELIGIBLE WITH WAIVER (second)</title>"))
        #expect(svg.contains("<title>2 July 2026, 07:00 UK time: ✔ ELIGIBLE</title>"))
        #expect(svg.contains("3 verifications (1 eligible, 1 eligible with waiver, 1 not eligible)."))
        #expect(SVGTimeline.svg([], title: "none") == nil)
    }

    @Test("A verification is eligible, eligible with a waiver, or not eligible")
    func standing() {
        func verification(_ decision: VerificationDecision, waived: Bool) -> Verification {
            Verification(
                submissionId: 1, odsCode: "B86001", asOf: Self.instant("2026-04-01T12:00:00Z"), level: .offline, decision: decision,
                prerequisites: [], findings: [RecordedFinding(prerequisite: "dspt", code: "dspt.status-not-met", severity: "warning", waived: waived)],
                reportSha256: "", reportPath: "", reverifyBy: nil, recordedAt: Self.instant("2026-04-01T12:00:00Z"))
        }
        #expect(VerificationStanding(verification(.eligible, waived: false)) == .eligible)
        #expect(VerificationStanding(verification(.eligible, waived: true)) == .waived)
        #expect(VerificationStanding(verification(.notEligible, waived: true)) == .notEligible)
    }
}

/// Text from the registry and from reports (names, reasons, codes) is evidence: it is escaped on the page.
@Suite("Dashboard page escaping")
struct DashboardPageEscapingTests {
    @Test("A hostile partner name, decision reason and waiver code become text, never markup")
    func escapesRegistryText() {
        let at = ISOInstant.parse("2026-04-01T12:00:00Z")!
        let hostile = "<script>alert(1)</script><a href=\"https://evil.example/\">x</a>"
        let partner = Partner(odsCode: "B86001", name: hostile, status: .approved, access: .readOnly, createdAt: at)
        let overview = PartnerOverview(
            partner: partner, latest: nil, report: .unreadable(path: "reports/B86001/\(hostile).json", problem: hostile),
            lastDecision: PartnerDecision(odsCode: "B86001", action: .approved, by: hostile, at: at, reason: hostile),
            openWaivers: [Waiver(odsCode: "B86001", findingCode: hostile, until: at, reason: hostile, approvedBy: hostile, approvedAt: at)],
            lapse: Lapse(at: at, reason: .unknown, detail: hostile), urgency: .lapsed)
        let dashboard = Dashboard(asOf: at, noticeDays: 30, partners: [overview], signaturesChecked: false)
        let html = DashboardPage.html(dashboard, reportLinks: [:], historyLinks: ["B86001": "B86001-history.html"])
        #expect(!html.contains("<script"))
        #expect(!html.contains("href=\"https:"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("✖ report unreadable"))
        let history = PartnerHistoryPage.html(partner: partner, verifications: [], events: [])
        #expect(!history.contains("<script") && history.contains("&lt;script&gt;"))
    }
}
