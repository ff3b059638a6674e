import Foundation
import Testing
@testable import EvidenceVerifier

@Suite struct TrainingCheckTests {
    static let header = "Email,Course,Completion Date,Expiry Date"
    static let course = "Data Security Awareness - Level 1"

    /// `count` staff `staff0@nhs.net`… who completed the course on `completed`.
    static func staff(_ count: Int, from first: Int = 0, completed: String = "2025-06-01") -> [String] {
        (first..<(first + count)).map { "staff\($0)@nhs.net,\(course),\(completed)," }
    }

    private func run(
        _ rows: [String], users: [String]? = nil, staffCount: Int? = nil,
        policy: Policy = .defaults, header: String = header
    ) async throws -> CheckOutcome {
        var files: [IGFixtures.File] = [.training(([header] + rows).joined(separator: "\n") + "\n")]
        if let users { files.append(.users((["Email"] + users).joined(separator: "\n") + "\n")) }
        return try await IGFixtures.run(TrainingCheck(), files: files, staffCount: staffCount, policy: policy)
    }

    @Test func passesAtExactly95Percent() async throws {
        let rows = Self.staff(19) + ["staff19@nhs.net,\(Self.course),2024-06-01,"]
        let outcome = try await run(rows, users: ["staff0@nhs.net"], staffCount: 20)
        #expect(outcome.status == .pass)
        #expect(!outcome.codes.contains("training.below-threshold"))
        #expect(outcome.summary == "19 of 20 staff (95%) hold current data security training (people identified by email address); the 1 LCR user is trained.")
        #expect(outcome.codes == ["training.expired"])
    }

    @Test(arguments: [(18, 20, "90%"), (37, 39, "94.8%"), (0, 5, "0%")])
    func failsBelow95Percent(_ current: Int, _ declared: Int, _ shown: String) async throws {
        let outcome = try await run(Self.staff(current), users: [], staffCount: declared)
        #expect(outcome.status == .fail)
        #expect(outcome.codes == ["training.below-threshold"])
        #expect(outcome.summary.hasPrefix("\(current) of \(declared) staff (\(shown))"))
    }

    /// The denominator without `staffCount` is the distinct staff in the file, emails compared case-insensitively.
    @Test func countsDistinctStaffInTheFileWhenNoStaffCount() async throws {
        let rows = Self.staff(19) + ["STAFF0@NHS.NET,\(Self.course),2025-01-01,", "other@nhs.net,Fire Safety,2025-06-01,"]
        let outcome = try await run(rows)
        #expect(outcome.summary.hasPrefix("19 of 20 staff in the training records (95%)"))
        #expect(outcome.status != .fail)
    }

    /// as-of is 2026-04-01T09:00Z (10:00 BST). Calendar dates start their UK day.
    @Test(arguments: [
        ("2025-04-02", "", true),            // expires at the start of 2 April 2026 UK time
        ("2025-04-01", "", false),           // expired at the start of 1 April 2026 UK time (23:00Z on 31 March)
        ("01/04/2026", "", true),            // completed earlier today (UK day)
        ("2026-04-01T09:00:00Z", "", true),  // completion == as-of counts
        ("2026-01-01", "2026-04-01T09:00:00Z", false), // expiry == as-of does not
        ("2026-01-01", "2026-04-01T09:00:01Z", true),
        ("2020-01-01", "31/12/2030", false), // expiry is the earlier of the stated one and completion + 365 days
        ("2025-06-01", "31/12/9999", true),
        ("2025-03-31", "31/12/9999", false), // a far-off Expiry Date does not stretch the validity
        ("2025-04-02", "2026-04-02", true),  // completion + 365 days: the start of 2 April 2026
        ("2025-04-02", "2026-04-01", false), // the stated expiry is earlier
        ("2026-01-01", "2026-03-01", false),
    ])
    func currencyIsCompletionUpToExpiry(_ completed: String, _ expiry: String, _ current: Bool) async throws {
        let rows = ["a@nhs.net,\(Self.course),\(completed),\(expiry)"]
        let outcome = try await run(rows, users: ["a@nhs.net"], staffCount: 1)
        #expect(outcome.codes.contains("training.user-untrained") == !current)
        #expect(outcome.codes.contains("training.below-threshold") == !current)
    }

    /// A person key that is not an address never counts as trained staff, but still counts among the staff.
    @Test(arguments: ["not-an-address", "a@@nhs.net", "<script>@x", "a b@nhs.net", "x@nhs..net"])
    func aPersonKeyThatIsNotAnAddressIsAnErrorAndNotTrained(_ key: String) async throws {
        let outcome = try await run(Self.staff(1) + ["\"\(key)\",\(Self.course),2025-06-01,"])
        #expect(outcome.codes.filter { $0 != "training.below-threshold" } == ["training.person-invalid"])
        #expect(outcome.findings.first?.location == "line 3, column Email")
        #expect(outcome.summary.hasPrefix("1 of 2 staff in the training records (50%)"))
        #expect(outcome.status == .fail)
    }

    /// ESR exports key people by staff ID; LCR users are matched to them through the user list's Staff ID.
    /// A person key longer than any address is an error quoted short, and not kept as a member of staff.
    @Test func anOverlongPersonKeyIsQuotedShortAndNotKept() async throws {
        let long = (0..<20).map { "\($0)" + String(repeating: "a", count: 60_000) + "@nhs.net,\(Self.course),2025-06-01," }
        let outcome = try await run(long + Self.staff(1), users: [])
        #expect(outcome.status == .fail)
        #expect(outcome.codes == Array(repeating: "training.person-invalid", count: 20))
        #expect(outcome.findings.allSatisfy { $0.message.utf8.count < 600 && $0.message.contains("longer than the 254 characters") })
        #expect(outcome.summary.hasPrefix("1 of 1 staff in the training records"))
    }

    @Test func recordsKeyedByStaffIDMatchUsersByTheirStaffID() async throws {
        let training = """
        Employee Number,Competence Name,Date Last Awarded,Expiry Date
        12345678,NHS|CSTF|\(Self.course)|,2025-06-01,30-Nov-2028
        12345679-2,NHS|CSTF|\(Self.course)|,2024-01-01,
        E1234,NHS|CSTF|Fire Safety|,2025-06-01,

        """
        let users = "Email,Staff ID\na.manager@nhs.net,12345678\nb.smith@nhs.net,12345679-2\nc.jones@nhs.net,\n"
        let outcome = try await IGFixtures.run(TrainingCheck(), files: [.training(training), .users(users)])
        #expect(outcome.summary == "1 of 3 staff in the training records (33.3%) hold current data security training (people identified by staff ID, matched to LCR users through the user list's Staff ID); 2 of 3 LCR users are not.")
        let untrained = outcome.findings.filter { $0.code == .trainingUserUntrained }
        #expect(untrained.map(\.location) == ["b.smith@nhs.net", "c.jones@nhs.net"])
        #expect(untrained[0].message.contains("expired on 31 December 2024"))
    }

    /// ESR writes dates as `2025/12/02 00:00:00` and an open-ended competence as `No expiry`; the
    /// validity period still applies (a stated expiry in 2028 does not stretch it).
    @Test func readsESRDatesAndNoExpiry() async throws {
        let rows = [
            "12345678-1,NHS|CSTF|\(Self.course) - 1 Year|,2025/12/02 00:00:00,No expiry",
            "12345678-2,NHS|CSTF|\(Self.course)|,2025/03/02 00:00:00,30-Nov-2028",
            "12345678-3,NHS|CSTF|\(Self.course)|,2025/04-03,NO EXPIRY",
        ]
        let outcome = try await run(rows, header: "Assignment Number,Competence Name,Date Last Awarded,Expiry Date")
        #expect(outcome.summary.hasPrefix("1 of 3 staff in the training records (33.3%)"))
        #expect(outcome.codes == ["date.invalid", "training.below-threshold", "training.expired"])
        #expect(outcome.findings[0].location == "line 4, column Completion Date")
    }

    @Test(arguments: ["12 34", "a@nhs.net", "-1", String(repeating: "9", count: 33), "１２３"])
    func aStaffIDKeyThatIsNotAStaffIDIsAnErrorAndNotTrained(_ key: String) async throws {
        let outcome = try await run(["E1,\(Self.course),2025-06-01", "\"\(key)\",\(Self.course),2025-06-01"], header: "Staff ID,Course,Completion Date")
        #expect(outcome.codes.filter { $0 != "training.below-threshold" } == ["training.person-invalid"])
        #expect(outcome.findings.first?.location == "line 3, column Staff ID")
        #expect(outcome.summary.hasPrefix("1 of 2 staff in the training records (50%)"))
    }

    @Test func aFileThatNamesNoOneIsOneFinding() async throws {
        let outcome = try await run(["\(Self.course),2025-06-01", "\(Self.course),2025-07-01"], staffCount: 2, header: "Course,Completion Date")
        #expect(outcome.codes == ["csv.missing-column", "training.below-threshold"])
        #expect(outcome.findings[0].message.contains("Staff ID (or Employee Number) or Assignment Number column"))
    }

    /// Policies built in code skip the loader's ranges: absurd values still compute, never trap.
    @Test(arguments: [Int.max, Int.min, 1_000_000_000_000_000, -1])
    func anyValidityComputesWithoutTrapping(_ days: Int) async throws {
        var policy = Policy.defaults
        policy.training.validityDays = days
        let outcome = try await run(["a@nhs.net,\(Self.course),2025-06-01,", "b@nhs.net,\(Self.course),2025-06-01T10:00:00Z,2030-01-01"], users: ["a@nhs.net"], staffCount: 2, policy: policy)
        #expect(outcome.status == (days > 0 ? .pass : .fail))
    }

    /// The reader refuses a staff count above `ManifestParser.maximumStaffCount`, so the largest a check can
    /// meet is that; the arithmetic at `Int.max` is checked on `CompletionThreshold` itself.
    @Test func aHugeStaffCountFailsWithoutTrapping() async throws {
        var policy = Policy.defaults
        policy.training.minimumCompletionPercent = 100
        let outcome = try await run(Self.staff(2), staffCount: ManifestParser.maximumStaffCount, policy: policy)
        #expect(outcome.codes == ["training.below-threshold"])
        #expect(outcome.summary.hasPrefix("2 of \(ManifestParser.maximumStaffCount) staff (0%)"))
        #expect(CompletionThreshold(percent: 100).required(of: Int.max) == Int.max)
        #expect(CompletionThreshold(percent: .nan).required(of: 10) == Int.max)
        #expect(CompletionThreshold.percentage(Int.max, of: Int.max) == "100%")
        #expect(CompletionThreshold.percentage(Int.max / 2, of: Int.max) == "49.9%")
    }

    @Test(arguments: [
        (["data security awareness"], "Data Security Awareness Level 1", true),
        (["Data Security Awareness"], "DATA SECURITY AWARENESS (e-learning)", true),
        (["Data Security Awareness"], "Fire Safety", false),
        (["Data Security Awareness"], "Data Security", false),
        (["Information Governance", "Data Security Awareness"], "Information Governance Refresher", true),
    ])
    func coursesAreAcceptedByNameContainingCaseInsensitively(_ accepted: [String], _ course: String, _ counts: Bool) async throws {
        var policy = Policy.defaults
        policy.training.acceptedCourses = accepted
        let outcome = try await run(["a@nhs.net,\(course),2025-06-01,"], staffCount: 1, policy: policy)
        #expect(outcome.codes.contains("training.below-threshold") == !counts)
    }

    @Test func futureCompletionsAreErrorsAndDoNotCount() async throws {
        let outcome = try await run(Self.staff(1) + ["late@nhs.net,\(Self.course),2026-04-02,"], staffCount: 2)
        #expect(outcome.codes.contains("training.completed-in-future"))
        #expect(outcome.findings.first { $0.code == .trainingCompletedInFuture }?.location == "line 3, column Completion Date")
        #expect(outcome.summary.hasPrefix("1 of 2 staff (50%)"))
    }

    @Test func usersNeedCurrentTrainingAndWarnBeforeItExpires() async throws {
        let rows = Self.staff(40) + [
            "expired@nhs.net,\(Self.course),2024-01-01,",
            "soon@nhs.net,\(Self.course),2025-04-20,",       // expires 20 April 2026: 19 days away
            "fine@nhs.net,\(Self.course),2025-09-01,",
        ]
        let users = ["Expired@nhs.net", "soon@nhs.net", "FINE@nhs.net", "never@nhs.net"]
        let outcome = try await run(rows, users: users, staffCount: 43)
        let untrained = outcome.findings.filter { $0.code == .trainingUserUntrained }
        #expect(untrained.map(\.location) == ["expired@nhs.net", "never@nhs.net"])
        #expect(untrained[0].message.contains("expired on 31 December 2024"))
        #expect(outcome.findings.filter { $0.code == .trainingExpiringSoon }.map(\.location) == ["soon@nhs.net"])
        #expect(outcome.findings.first { $0.code == .trainingExpiringSoon }?.message.contains("20 April 2026") == true)
        #expect(outcome.summary.hasSuffix("2 of 4 LCR users are not."))
        #expect(outcome.lapses.contains(IGFixtures.instant("2026-04-19T23:00:00Z")))
        #expect(outcome.lapses.contains(IGFixtures.instant("2026-08-31T23:00:00Z")))
    }

    /// 20 staff, 19 required: the share breaks when the second-earliest expiry passes.
    @Test func lapsesWhenEnoughExpiriesWouldBreakTheRule() async throws {
        let rows = (0..<20).map { "s\($0)@nhs.net,\(Self.course),2025-06-\(String(format: "%02d", $0 + 1))," }
        let outcome = try await run(rows, users: [], staffCount: 20)
        #expect(outcome.status == .pass)
        #expect(outcome.lapses == [IGFixtures.instant("2026-06-01T23:00:00Z")])
    }

    @Test(arguments: [(20, 19, 1), (21, 20, 1), (22, 21, 1), (40, 38, 2), (100, 95, 5), (3, 3, 0), (10, 10, 0)])
    func thresholdLapseIsTheExpiryThatTakesTheShareBelow(_ current: Int, _ required: Int, _ index: Int) {
        let expiries = (0..<current).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        #expect(CompletionThreshold(percent: 95).required(of: current) == required)
        #expect(CompletionThreshold(percent: 95).lapse(currentCount: current, required: required) { expiries[$0] } == expiries[index])
    }

    @Test func invalidAndMissingValuesAreFindingsNamingTheValue() async throws {
        let rows = ["a@nhs.net,\(Self.course),04/13/2025,", ",\(Self.course),2025-06-01,", "b@nhs.net,\(Self.course),2025-06-01,someday"]
        let outcome = try await run(rows, staffCount: 2)
        #expect(outcome.codes.filter { $0 != "training.below-threshold" } == ["date.invalid", "csv.missing-value", "date.invalid"])
        #expect(outcome.findings[0].message.contains("\"04/13/2025\""))
        #expect(outcome.findings[0].location == "line 2, column Completion Date")
        #expect(outcome.findings[2].location == "line 4, column Expiry Date")
    }

    @Test func aliasesAreAccepted() async throws {
        let outcome = try await run(["a@nhs.net,\(Self.course),01-Jun-2025"], staffCount: 1, header: "Work Email,Competence Name,Achievement Date")
        #expect(outcome.findings.isEmpty)
        #expect(outcome.summary.hasPrefix("1 of 1 staff (100%)"))
    }

    @Test func noTrainingEvidenceFails() async throws {
        let outcome = try await IGFixtures.run(TrainingCheck(), files: [])
        #expect(outcome.codes == ["training.missing"])
    }
}
