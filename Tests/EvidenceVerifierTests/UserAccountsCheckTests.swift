import Foundation
import Testing
@testable import EvidenceVerifier

@Suite struct EmailDomainPolicyTests {
    let policy = EmailDomainPolicy(Policy.defaults.userAccounts)

    private func verdict(_ address: String) -> String {
        switch EmailAddress.parse(address) {
        case .failure: "malformed"
        case .success(let parsed): policy.refusal(of: parsed.domain) == nil ? "allowed" : "refused"
        }
    }

    @Test(arguments: [
        "a.manager@nhs.net", "A.Manager@NHS.NET", "j.smith@leeds.gov.uk", "someone@gov.uk",
        "x@dept.region.gov.uk", "first.o'brien@nhs.net", "a+b@nhs.net", "x@Leeds.Gov.UK",
    ])
    func allowsNHSmailAndGovernmentAddresses(_ address: String) {
        #expect(verdict(address) == "allowed")
    }

    @Test(arguments: [
        "x@nhs.net.example.com", "x@evilnhs.net", "x@gov.uk.example.org", "x@xgov.uk", "x@nhs.uk",
        "x@leeds.nhs.uk", "x@gmail.com", "x@gsi.gov.uk", "x@leeds.gsi.gov.uk", "x@gsx.gov.uk",
        "x@GCSX.gov.uk", "x@a.gcsx.gov.uk", "x@xn--nhs-9ma.net", "x@xn--80ak6aa92e.gov.uk", "x@nhs.nét",
        "x@lеeds.gov.uk", "x@sub.nhs.net",
    ])
    func refusesOtherDomainsLookAlikesRetiredAndInternationalised(_ address: String) {
        #expect(verdict(address) == "refused")
    }

    @Test(arguments: [
        "nhs.net", "@nhs.net", "x@", "x@@nhs.net", "a@b@nhs.net", "x@nhs.net.", "x@.nhs.net", "x@nhs..net",
        "x y@nhs.net", "x@nhs net", ".x@nhs.net", "x.@nhs.net", "x..y@nhs.net", "x@-nhs.net", "x@nhs_net.net",
        "zoë@nhs.net", "", "x@nhs.net\n",
        // 263 bytes: each part within its own limit, the whole longer than any address can be.
        String(repeating: "a", count: 64) + "@" + String(repeating: String(repeating: "b", count: 63) + ".", count: 3) + "gov.uk",
    ])
    func refusesMalformedAddresses(_ address: String) {
        #expect(verdict(address) == "malformed")
    }

    @Test(arguments: [
        ("reception", "reception"), ("Reception", "reception"), ("reception.leeds", "reception"),
        ("info-team", "info"), ("admin_b86001", "admin"), ("enquiries", "enquiries"),
    ])
    func flagsSharedLookingLocalParts(_ local: String, _ word: String) {
        #expect(SharedMailboxRule(words: Policy.defaults.userAccounts.sharedMailboxLocalParts).sharedWord(in: local) == word)
    }

    @Test(arguments: ["a.manager", "jo.reception", "informatics", "administrator.x", "teamleader"])
    func doesNotFlagIndividualLocalParts(_ local: String) {
        #expect(SharedMailboxRule(words: Policy.defaults.userAccounts.sharedMailboxLocalParts).sharedWord(in: local) == nil)
    }
}

@Suite struct UserAccountsCheckTests {
    private func run(_ rows: [String], header: String = "Email,Name,Role,Access") async throws -> CheckOutcome {
        let text = ([header] + rows).joined(separator: "\r\n") + "\r\n"
        return try await IGFixtures.run(UserAccountsCheck(), files: [.users(text)])
    }

    @Test func passesIndividualAllowedAccounts() async throws {
        let outcome = try await run(["a.manager@nhs.net,A Manager,Practice Manager,write", "j.smith@leeds.gov.uk,J Smith,Social Worker,read-only"])
        #expect(outcome.status == .pass)
        #expect(outcome.findings.isEmpty)
        #expect(outcome.summary == "2 LCR user accounts, each a distinct address on an allowed domain (nhs.net, gov.uk, *.gov.uk).")
    }

    @Test(arguments: [
        ("x@nhs.net.example.com", "email.domain-not-allowed"),
        ("x@leeds.gsi.gov.uk", "email.domain-not-allowed"),
        ("x@xn--nhs-9ma.net", "email.domain-not-allowed"),
        ("x@@nhs.net", "email.invalid"),
        ("x@nhs.net.", "email.invalid"),
        ("\"\"", "email.invalid"),
    ])
    func failsOnAnAddressThatIsNotAllowed(_ address: String, _ code: String) async throws {
        let outcome = try await run(["a.manager@nhs.net,A,,", "\(address),B,,"])
        #expect(outcome.status == .fail)
        #expect(outcome.codes == [code])
        #expect(outcome.findings[0].location == "line 3")
        #expect(outcome.findings[0].evidence == "staff/lcr-users.csv")
        #expect(outcome.summary.hasPrefix("1 of 2 LCR user accounts is not"))
    }

    @Test func duplicatesAreComparedCaseInsensitively() async throws {
        let outcome = try await run(["a.manager@nhs.net,A,,", "j.smith@nhs.net,J,,", "A.Manager@NHS.net,A again,,"])
        #expect(outcome.codes == ["email.duplicate"])
        #expect(outcome.findings[0].location == "line 4")
        #expect(outcome.findings[0].message.contains("line 2"))
    }

    @Test func sharedMailboxesWarn() async throws {
        let outcome = try await run(["reception.leeds@nhs.net,Reception,,", "a.manager@nhs.net,A,,"])
        #expect(outcome.status == .warn)
        #expect(outcome.codes == ["email.shared-mailbox"])
        #expect(outcome.summary.hasSuffix("1 looks like a shared mailbox."))
    }

    @Test func noUsersOrNoFileFails() async throws {
        let empty = try await run([])
        #expect(empty.codes == ["user-accounts.missing"])
        let none = try await IGFixtures.run(UserAccountsCheck(), files: [])
        #expect(none.codes == ["user-accounts.missing"])
        #expect(none.findings[0].message == "The manifest lists no user-accounts evidence.")
        let tampered = try await IGFixtures.run(
            UserAccountsCheck(),
            files: [IGFixtures.File(.userAccounts, "staff/lcr-users.csv", "Email\nx@nhs.net\n", tampered: true)]
        )
        #expect(tampered.codes == ["user-accounts.missing"])
        #expect(tampered.findings[0].message.contains("SHA-256 differs"))
    }

    @Test func aFileWithoutAnEmailColumnFails() async throws {
        let outcome = try await run(["a.manager@nhs.net"], header: "Mail")
        #expect(outcome.codes == ["csv.missing-column"])
        #expect(outcome.findings[0].location == "column Email")
        #expect(outcome.status == .fail)
    }

    @Test func aHostileFileGivesBoundedFindings() async throws {
        let rows = (0..<5_000).map { "user\($0)@example.com" }
        let outcome = try await run(rows, header: "Email")
        #expect(outcome.findings.count == CappedFindings.defaultLimit + 1)
        #expect(outcome.findings.last?.message.hasPrefix("4950 more email.domain-not-allowed findings") == true)
    }

    /// A 64 KiB "address" is refused before it is parsed or kept, and quoted short: a file of them costs what
    /// a file of short ones does.
    @Test func anOverlongAddressIsRefusedQuotedShortAndNotKept() throws {
        let long = (0..<20).map { "\($0)" + String(repeating: "a", count: 60_000) + "@nhs.net" }
        let folder = TestFolder()
        let bundle = try IGFixtures.bundle(in: folder, files: [.users((["Email"] + long + ["a.manager@nhs.net"]).joined(separator: "\n") + "\n")])
        let list = LCRUserList.read(bundle, policy: Policy.defaults.userAccounts)
        #expect(list.count == 1)
        #expect(list.findings.map(\.code) == Array(repeating: .emailInvalid, count: 20))
        #expect(list.findings.allSatisfy { $0.message.utf8.count < 400 && $0.message.contains("…\" (600") && $0.message.contains(" bytes)") })
    }

    /// Duplicates are found across files and named by the file and line of the first copy.
    @Test func aDuplicateInASecondFileNamesTheFirst() async throws {
        let outcome = try await IGFixtures.run(UserAccountsCheck(), files: [
            .users("Email\r\na.manager@nhs.net\r\nj.smith@nhs.net\r\n"),
            IGFixtures.File(.userAccounts, "staff/more-users.csv", "Email\r\nb.jones@nhs.net\r\nJ.Smith@NHS.net\r\n"),
        ])
        #expect(outcome.codes == ["email.duplicate"])
        #expect(outcome.findings[0].evidence == "staff/more-users.csv")
        #expect(outcome.findings[0].location == "line 3")
        #expect(outcome.findings[0].message.contains("first at staff/lcr-users.csv line 3"))
    }
}

/// The compact set behind duplicate detection and the training ledger over a million people.
@Suite struct CompactStringSetTests {
    @Test func numbersEachMemberInTheOrderItWasAdded() {
        var set = CompactStringSet()
        #expect(set.insert("a@nhs.net") == (true, 0))
        #expect(set.insert("") == (true, 1))
        #expect(set.insert("b@nhs.net") == (true, 2))
        #expect(set.insert("a@nhs.net") == (false, 0))
        #expect(set.insert("") == (false, 1))
        #expect(set.index(of: "b@nhs.net") == 2)
        #expect(set.index(of: "c@nhs.net") == nil)
        #expect(set.count == 3)
    }

    /// Members are exact bytes: canonically equivalent spellings are different members.
    @Test func comparesExactBytes() {
        var set = CompactStringSet()
        #expect(set.insert("zo\u{eb}").inserted)
        #expect(set.insert("zoe\u{308}").inserted)
        #expect(set.count == 2)
    }

    @Test func keepsEveryMemberAcrossGrowth() {
        var set = CompactStringSet()
        let count = 100_000
        var added = 0
        for index in 0..<count where set.insert("user\(index)@nhs.net") == (true, index) { added += 1 }
        #expect(added == count)
        var found = 0
        for index in stride(from: 0, to: count, by: 7) where set.index(of: "user\(index)@nhs.net") == index { found += 1 }
        #expect(found == (count + 6) / 7)
        #expect(set.index(of: "user\(count)@nhs.net") == nil)
        #expect(set.count == count)
    }
}
