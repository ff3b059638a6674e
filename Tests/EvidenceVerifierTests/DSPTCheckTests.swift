import Foundation
import Testing
@testable import EvidenceVerifier

@Suite struct DSPTCheckTests {
    static let header = "Organisation Code,Organisation Name,Status,Date Published,Financial Year"

    private func run(_ rows: [String], header: String = header, asOf: Date = IGFixtures.asOf) async throws -> CheckOutcome {
        try await IGFixtures.run(DSPTCheck(), files: [.dspt(([header] + rows).joined(separator: "\r\n") + "\r\n")], asOf: asOf)
    }

    @Test func passesACurrentStandardsMetAssessment() async throws {
        let outcome = try await run(["B86001,Example Medical Practice,24-25 Standards Met,28/06/2025,"])
        #expect(outcome.findings.isEmpty)
        #expect(outcome.summary == "B86001 published \"Standards Met\" for 2024-25 on 28 June 2025; current until 30 June 2026.")
        // The start of 1 July 2026 in Europe/London (BST).
        #expect(outcome.lapses == [IGFixtures.instant("2026-06-30T23:00:00Z")])
    }

    @Test(arguments: [
        ("24-25 Standards Met", [String]()),
        ("24/25 STANDARDS MET", []),
        ("2024-25 Standards Exceeded", []),
        ("2024/2025   standards   met", []),
        ("Standards Met", ["dspt.year-inferred"]),
        ("24-25 Approaching Standards", ["dspt.status-not-met"]),
        ("Standards Not Fully Met (Plan Agreed)", ["dspt.status-not-met", "dspt.year-inferred"]),
        ("24-25 Standards Not Met", ["dspt.status-not-met"]),
        ("Not published", ["dspt.status-not-met", "dspt.year-inferred"]),
        ("22/23 Standards Met", ["dspt.not-current"]),
    ])
    func judgesTheStatusWithOrWithoutAYearPrefix(_ status: String, _ codes: [String]) async throws {
        let outcome = try await run(["B86001,Example,\(status),28/06/2025,"])
        #expect(outcome.codes == codes)
    }

    /// 2025-26 is due by 30 June 2026 and current until 30 June 2027 (UK time).
    @Test(arguments: [
        ("2025-12-01T09:00:00Z", [String]()),
        ("2027-05-01T22:59:59Z", []),
        ("2027-05-01T23:00:00Z", ["dspt.lapsing-soon"]),   // 60 days before 1 July 2027 00:00 BST
        ("2027-06-30T22:59:59Z", ["dspt.lapsing-soon"]),
        ("2027-06-30T23:00:00Z", ["dspt.not-current"]),
    ])
    func isCurrentUntilTheNextYearsDeadline(_ asOf: String, _ codes: [String]) async throws {
        let outcome = try await run(["B86001,Example,Standards Met,2025-12-01,2025-26"], asOf: IGFixtures.instant(asOf))
        #expect(outcome.codes == codes)
    }

    @Test(arguments: [
        ("2025-06-30", 2024), ("2025-07-01", 2025), ("2026-01-15", 2025), ("2026-06-30", 2025), ("2024-07-01", 2024),
    ])
    func infersTheYearFromThePublicationDate(_ published: String, _ startYear: Int) throws {
        let parts = published.split(separator: "-").compactMap { Int($0) }
        let day = try #require(CivilDate(year: parts[0], month: parts[1], day: parts[2]))
        #expect(AssessmentYear.publishedOn(day, deadlineMonth: 6, deadlineDay: 30) == AssessmentYear(startYear: startYear))
    }

    @Test(arguments: [
        ("2025-26", 2025), ("2025/26", 2025), ("25-26", 2025), ("22/23", 2022), ("2025-2026", 2025), ("99-00", 2099),
    ])
    func readsAssessmentYears(_ text: String, _ startYear: Int) {
        #expect(AssessmentYear(text) == AssessmentYear(startYear: startYear))
    }

    @Test(arguments: ["2025-27", "2025", "25-25", "FY2025", "2025-026", "", "２０２５-26"])
    func refusesOtherYears(_ text: String) {
        #expect(AssessmentYear(text) == nil)
    }

    @Test func usesTheMostRecentPublicationForTheManifestCodeInTheNationalList() async throws {
        let rows = [
            "RR8,Leeds Teaching Hospitals NHS Trust,24/25 Standards Exceeded,20/06/2025,NHS Trust",
            "b86001,Example Medical Practice,22/23 Standards Met,30/06/2023,GP",
            "B86001,Example Medical Practice,24/25 Standards Met,27/06/2025,GP",
            "B86001,Example Medical Practice,23/24 Approaching Standards,01/07/2024,GP",
            "B86002,Another Practice,Not published,,GP",
        ]
        let outcome = try await run(rows, header: "Code,Organisation Name,Status,Date Of Publication,Primary Sector")
        #expect(outcome.findings.isEmpty)
        #expect(outcome.summary.contains("2024-25 on 27 June 2025"))
    }

    @Test func failsWhenTheEvidenceIsForAnotherOrganisation() async throws {
        let outcome = try await run(["RR8,Leeds Teaching Hospitals NHS Trust,24-25 Standards Met,28/06/2025,"])
        #expect(outcome.codes == ["dspt.ods-mismatch"])
        #expect(outcome.findings[0].message.contains("RR8 (Leeds Teaching Hospitals NHS Trust)"))
        #expect(outcome.findings[0].message.contains("B86001"))
    }

    @Test func failsWhenPublishedAfterTheVerificationInstant() async throws {
        let outcome = try await run(["B86001,Example,25-26 Standards Met,2026-04-01T10:00:00Z,"])
        #expect(outcome.codes == ["dspt.published-in-future"])
        #expect(outcome.lapses.isEmpty)
    }

    @Test(arguments: [
        ("B86001,Example,24-25 Standards Met,04/13/2025,", ["date.invalid", "dspt.not-current"]),
        ("B86001,Example,24-25 Standards Met,,", ["dspt.not-current"]),
        ("B86001,Example,Standards Met,28/06/2025,next year", ["dspt.year-invalid"]),
    ])
    func unusableDatesAndYearsAreFindings(_ row: String, _ codes: [String]) async throws {
        let outcome = try await run([row])
        #expect(outcome.codes == codes)
        #expect(outcome.status == .fail)
    }

    @Test func noAssessmentEvidenceFails() async throws {
        #expect(try await IGFixtures.run(DSPTCheck(), files: []).codes == ["dspt.missing"])
        #expect(try await run([]).codes == ["dspt.missing"])
        #expect(try await run(["B86001,Example,Standards Met,28/06/2025"], header: "Organisation Code,Organisation Name,Status").codes == ["csv.missing-column"])
    }

    @Test func theDeadlineComesFromThePolicy() async throws {
        var policy = Policy.defaults
        policy.dspt.deadlineMonth = 3
        policy.dspt.deadlineDay = 31
        let outcome = try await IGFixtures.run(
            DSPTCheck(), files: [.dspt("Code,Status,Published\nB86001,24-25 Standards Met,2025-03-01\n")], policy: policy
        )
        // Current until 31 March 2026 (the 2025-26 deadline under this policy): lapsed at the as-of instant.
        #expect(outcome.codes == ["dspt.not-current"])
    }

    /// A year that has not begun at the as-of instant (1 April 2026) cannot be current.
    @Test(arguments: [
        "B86001,Example,Standards Met,28/06/2025,2030-31",
        "B86001,Example,Standards Met,28/06/2025,9999-00",
        "B86001,Example,30-31 Standards Met,28/06/2025,",
        "B86001,Example,Standards Met,28/06/2025,2027-28",
    ])
    func aYearThatHasNotBegunFails(_ row: String) async throws {
        let outcome = try await run([row])
        #expect(outcome.codes == ["dspt.year-not-started"])
        #expect(outcome.status == .fail)
        #expect(outcome.lapses.isEmpty)
    }

    /// 2025-26 begins at the start of 1 April 2025 in Europe/London (23:00 UTC the day before).
    @Test func theYearBeginsAtTheStartOfTheFirstOfAprilInLondon() async throws {
        let onTime = "B86001,Example,Standards Met,2025-04-01,2025-26"
        #expect(try await run([onTime], asOf: IGFixtures.instant("2025-03-31T23:00:00Z")).codes == [])
        let early = "B86001,Example,Standards Met,2025-03-31T22:00:00Z,2025-26"
        #expect(try await run([early], asOf: IGFixtures.instant("2025-03-31T22:59:59Z")).codes == ["dspt.year-not-started"])
        #expect(try await run([early], asOf: IGFixtures.instant("2025-03-31T23:00:00Z")).codes == ["dspt.year-conflict"])
    }

    @Test(arguments: [
        "B86001,Example,22/23 Standards Met,28/06/2025,2025-26",
        "B86001,Example,24-25 Standards Met,28/06/2025,2025-26",
        "B86001,Example,Standards Met,01/12/2024,2025-26",     // published before its year began
        "B86001,Example,25-26 Standards Met,01/12/2024,",
    ])
    func aRowThatContradictsItselfAboutItsYearFails(_ row: String) async throws {
        let outcome = try await run([row])
        #expect(outcome.codes == ["dspt.year-conflict"])
        #expect(outcome.status == .fail)
        #expect(outcome.lapses.isEmpty)
    }

    @Test(arguments: [
        "B86001,Example,25-26 Standards Not Met,,",                 // no date at all
        "B86001,Example,Standards Not Met,sometime,2025-26",        // a date that is not one
        "B86001,Example,Not published,28/06/2025,",                 // the same date as the passing row
        "B86001,Example,Approaching Standards,01/05/2025,2025-26",  // a later year, published earlier
    ])
    func aRefusedRowThatMayBeNewerThanThePassingOneFails(_ refused: String) async throws {
        let outcome = try await run(["B86001,Example,24-25 Standards Met,28/06/2025,", refused])
        #expect(outcome.codes.filter { $0 != "date.invalid" } == ["dspt.row-conflict"])
        #expect(outcome.findings.last?.location == "line 3")
        #expect(outcome.status == .fail)
        #expect(outcome.lapses.isEmpty)
        // In either order the refused row is not ignored.
        let reversed = try await run([refused, "B86001,Example,24-25 Standards Met,28/06/2025,"])
        #expect(reversed.status == .fail)
    }

    @Test func anOlderRefusedRowDoesNotContradictANewerPass() async throws {
        let rows = [
            "B86001,Example,23-24 Standards Not Met,28/06/2024,",
            "B86001,Example,24-25 Standards Met,28/06/2025,",
            "B86001,Example,25-26 Standards Met,,",
        ]
        let outcome = try await run(rows)
        #expect(outcome.findings.isEmpty)
        #expect(outcome.summary.contains("2024-25 on 28 June 2025"))
    }
}
