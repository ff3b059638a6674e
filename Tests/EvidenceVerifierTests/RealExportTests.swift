import Foundation
import Testing
@testable import EvidenceVerifier

/// Evidence shaped as real systems export it (DESIGN §3 "Real exports these must accept unedited"),
/// judged under the default policy: ESR competence reports, e-Learning for Healthcare and social-care
/// training exports, the national DSPT list in its older and current shapes, trust addresses.
@Suite struct RealExportTests {
    /// An ESR competence report: employee and assignment numbers, no e-mail column, CSTF competence names.
    static let esr = """
        Employee Number,Assignment Number,Full Name,Competency Name,Date Last Awarded,Expiry Date\r
        10000001,10000001-1,"Smith, Jo",NHS|CSTF|Information Governance and Data Security - 1 Year|,2025/12/02 00:00:00,30-Nov-2026\r
        10000002,10000002-1,"Brown, Al",NHS|CSTF|Information Governance and Data Security - 1 Year|,2025/10/02 00:00:00,No expiry\r
        10000003,10000003-1,"Green, Bo",NHS|CSTF|Information Governance and Data Security - 3 Years|,2025/09/02 00:00:00,30-Nov-2028\r
        10000004,10000004-1,"Black, Cy",NHS|CSTF|Fire Safety - 2 Years|,2025/09/02 00:00:00,30-Nov-2027\r
        10000005,10000005-1,"White, Di",RR8|LOCAL|Information Governance and Data Security|,2025/08/01 00:00:00,No expiry\r

        """

    @Test func anESRCompetenceReportIsKeyedByStaffIDAndMatchedThroughTheUserListsStaffID() async throws {
        // The user list gives one person's assignment number and another's employee number.
        let users = "Email,Name,Staff ID\njo.smith@nhs.net,Jo Smith,10000001-1\nal.brown@nhs.net,Al Brown,10000002\ncy.black@nhs.net,Cy Black,10000004-1\n"
        let outcome = try await IGFixtures.run(TrainingCheck(), files: [.training(Self.esr), .users(users)], staffCount: 4)
        #expect(outcome.summary == "4 of 4 staff (100%) hold current data security training (people identified by staff ID, matched to LCR users through the user list's Staff ID); 1 of 3 LCR users is not.")
        #expect(outcome.findings.filter { $0.code == .trainingUserUntrained }.map(\.location) == ["cy.black@nhs.net"])
        #expect(outcome.codes == ["training.user-untrained"])
    }

    /// `Date Last Awarded` at ESR's midnight is a calendar day: a year later the training lapses at the
    /// start of that day in Europe/London, and `No expiry` leaves the year of validity in charge.
    @Test(arguments: [("2026-10-01T22:59:59Z", true), ("2026-10-01T23:00:00Z", false)])
    func anESRMidnightIsTheStartOfThatUKDay(_ asOf: String, _ current: Bool) async throws {
        let training = "Assignment Number,Competency Name,Date Last Awarded,Expiry Date\n10000002-1,NHS|CSTF|Information Governance and Data Security - 1 Year|,2025/10/02 00:00:00,No expiry\n"
        let outcome = try await IGFixtures.run(TrainingCheck(), files: [.training(training)], asOf: IGFixtures.instant(asOf))
        #expect(outcome.status == (current ? .pass : .fail))
        if current { #expect(outcome.lapses == [IGFixtures.instant("2026-10-01T23:00:00Z")]) }
    }

    @Test(arguments: [
        ("NHS|CSTF|Information Governance and Data Security - 1 Year|", "Information Governance and Data Security"),
        ("NHS|CSTF|Information Governance and Data Security - 3 Years|", "Information Governance and Data Security"),
        ("RR8|LOCAL|Data Security Awareness|", "Data Security Awareness"),
        ("NHS|CSTF|Fire Safety - 2 Years|", "Fire Safety"),
        ("Data Security Awareness - Level 1", "Data Security Awareness - Level 1"),
        ("Data  Security and Protection ", "Data Security and Protection"),
        ("- 1 Year", "- 1 Year"),
        ("Information Governance - Year", "Information Governance - Year"),
    ])
    func courseTitlesLoseTheESRPrefixYearsSuffixAndTrailingBar(_ name: String, _ title: String) {
        #expect(CourseTitle.of(name) == title)
    }

    /// e-LfH's course with and without the dash, and social care's course, count under the default policy;
    /// another competence does not.
    @Test(arguments: [
        ("Data Security Awareness - Level 1", true), ("Data Security Awareness Level 1", true),
        ("Data Security and Protection", true), ("data security and protection (refresher)", true),
        ("NHS|CSTF|Information Governance and Data Security - 1 Year|", true),
        ("NHS|CSTF|Fire Safety - 2 Years|", false), ("Data Protection", false),
    ])
    func theDefaultPolicyAcceptsEachWorldsCourse(_ course: String, _ counts: Bool) async throws {
        let training = "Email Address,Course Name,Completion Date\na@nhs.net,\"\(course)\",01/10/2025\n"
        let outcome = try await IGFixtures.run(TrainingCheck(), files: [.training(training)], staffCount: 1)
        #expect(outcome.status == (counts ? .pass : .fail))
        #expect(outcome.summary.contains("(people identified by email address)"))
    }

    /// The national published-status CSV before 2023 (`Latest Status`) and now (`Status`): lower-case codes,
    /// `YY/YY` and `YYYY-YY` prefixes, and `Not Published` rows with old dates.
    @Test(arguments: [
        "Code,Organisation Name,Latest Status,Date Of Publication,Primary Sector",
        "Code,Organisation Name,Status,Date Of Publication,Primary Sector",
    ])
    func theNationalListIsReadInBothShapes(_ header: String) async throws {
        let list = """
            \(header)\r
            rr8,LEEDS TEACHING HOSPITALS NHS TRUST,24/25 Standards Met,27/06/2025,Trust\r
            b86001,EXAMPLE MEDICAL PRACTICE,Not Published,01/04/2019,GP\r
            b86001,EXAMPLE MEDICAL PRACTICE,2025-26 Standards Exceeded,15/03/2026,GP\r
            b86002,ANOTHER PRACTICE,Not Published,01/04/2019,GP\r

            """
        let practice = try await IGFixtures.run(DSPTCheck(), files: [.dspt(list)])
        #expect(practice.codes == [])
        #expect(practice.summary == "B86001 published \"Standards Exceeded\" for 2025-26 on 15 March 2026; current until 30 June 2027.")
        let trust = try await IGFixtures.run(DSPTCheck(), files: [.dspt(list)], odsCode: "RR8")
        #expect(trust.codes == [])
        let unpublished = try await IGFixtures.run(DSPTCheck(), files: [.dspt(list)], odsCode: "B86002")
        #expect(unpublished.codes == ["dspt.status-not-met", "dspt.year-inferred", "dspt.not-current"])
    }

    /// The organisation's own DSPT page, copied into a CSV as it reads.
    @Test func theOrganisationsOwnDSPTWordingIsRead() async throws {
        let own = "Organisation Code,Organisation Name,Status,Date Published\nB86001,Example Medical Practice,2024-25 Standards Met,27-Jun-2025\n"
        let outcome = try await IGFixtures.run(DSPTCheck(), files: [.dspt(own)])
        #expect(outcome.codes == [])
        #expect(outcome.summary.contains("for 2024-25 on 27 June 2025"))
    }

    /// A trust's own `*.nhs.uk` address is refused as not an NHSmail account; look-alikes stay `email.domain-not-allowed`.
    @Test(arguments: [
        ("name@leedsth.nhs.uk", "email.not-nhsmail"), ("x@nhs.uk", "email.not-nhsmail"),
        ("A.B@LYPFT.NHS.UK", "email.not-nhsmail"), ("x@nhs.uk.example.com", "email.domain-not-allowed"),
        ("x@evilnhs.uk", "email.domain-not-allowed"), ("x@nhs.net", nil),
    ])
    func trustAddressesAreNotNHSmailAccounts(_ address: String, _ code: String?) async throws {
        let outcome = try await IGFixtures.run(UserAccountsCheck(), files: [.users("Email\n\(address)\n")])
        #expect(outcome.codes == (code.map { [$0] } ?? []))
        if code == "email.not-nhsmail" {
            #expect(outcome.findings[0].message.contains("not an NHSmail account"))
        }
    }

    @Test func theTrustDomainRuleIsAPolicyDefault() throws {
        #expect(Policy.defaults.userAccounts.notNHSmailDomains == ["nhs.uk"])
        let policy = try PolicyLoader.parse(Data(#"{"userAccounts":{"notNHSmailDomains":[]}}"#.utf8), source: "p.json")
        #expect(EmailDomainPolicy(policy.userAccounts).refusal(of: "leedsth.nhs.uk")?.code == .emailDomainNotAllowed)
        #expect(throws: InputError.self) {
            try PolicyLoader.parse(Data(#"{"userAccounts":{"notNHSmailDomains":["nhs uk"]}}"#.utf8), source: "p.json")
        }
    }
}
