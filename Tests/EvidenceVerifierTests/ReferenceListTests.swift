import Foundation
import Testing
@testable import EvidenceVerifier

/// The independent reference lists (DESIGN §4 "Independent cross-checks"): the committed test lists
/// under `evidence/references/` (made by `scripts/make-reference-lists.sh`) read by the real reader, and
/// the `dspt` and `direct-care` checks cross-checking bundles against them at fixed instants.
@Suite struct ReferenceListTests {
    static let folder = ExampleBundleTests.repository.appendingPathComponent("evidence/references")
    /// When the lists are taken to have been imported: a week before the checks' fixed instant.
    static let importedAt = IGFixtures.instant("2026-03-25T09:00:00Z")

    static func list(_ kind: ReferenceKind, _ file: String, importedAt: Date = importedAt) throws -> ReferenceList {
        try ReferenceListReader.read(kind, path: folder.appendingPathComponent(file).path, importedAt: importedAt)
    }

    /// The national DSPT list and all three ODS files.
    static func all(importedAt: Date = importedAt) throws -> ReferenceLists {
        try ReferenceLists([
            list(.dsptRegister, "dspt-national.csv", importedAt: importedAt),
            list(.odsRegister, "epraccur.csv", importedAt: importedAt),
            list(.odsRegister, "etr.csv", importedAt: importedAt),
            list(.odsRegister, "ecarehomesite.csv", importedAt: importedAt),
        ])
    }

    @Test(arguments: [
        (ReferenceKind.dsptRegister, "dspt-national.csv", 320), (.odsRegister, "epraccur.csv", 300),
        (.odsRegister, "etr.csv", 200), (.odsRegister, "ecarehomesite.csv", 300),
    ])
    func theCommittedListsAreReadWithTheirDigestAndRowCount(_ kind: ReferenceKind, _ file: String, _ rows: Int) throws {
        let record = try Self.list(kind, file).record
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(file))
        #expect(record == ReferenceRecord(kind: kind, sha256: SHA256Digest.hex(of: bytes), rows: rows, importedAt: Self.importedAt))
    }

    @Test func aListGivenStraightToCheckIsAsOldAsItsFile() throws {
        let folder = TestFolder()
        let file = try folder.write(Data("B1,A,,,,,,,,,20000101,\n".utf8), to: "ods.csv")
        let modified = IGFixtures.instant("2026-01-02T03:04:05Z")
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
        #expect(try ReferenceListReader.read(.odsRegister, path: file.path).record.importedAt == modified)
    }

    /// Whatever is not the list it claims to be refuses the whole file, in one line naming it.
    @Test(arguments: [
        (ReferenceKind.odsRegister, "Organisation Code,Name\nB86001,EXAMPLE\n", "line 1 has 2 fields"),
        (.odsRegister, "B86001,EXAMPLE,,,,,,,,,1974-04-01,\n", "not YYYYMMDD"),
        (.odsRegister, "B86001,EXAMPLE,,,,,,,,,19740431,\n", "not YYYYMMDD"),
        (.odsRegister, "B86001,EXAMPLE,,,,,,,,,19740401,\nb86001,AGAIN,,,,,,,,,19740401,\n", "lists b86001 a second time"),
        (.odsRegister, "B8600/1,EXAMPLE,,,,,,,,,19740401,\n", "not an ODS code"),
        (.odsRegister, "B86001,,,,,,,,,,19740401,\n", "no name"),
        (.odsRegister, "", "lists no organisation"),
        (.odsRegister, "B86001,\"EXAMPLE,,,,,,,,,19740401,\n", "cannot be read as CSV"),
        (.dsptRegister, "Code,Organisation Name,Date Of Publication\nB86001,X,01/01/2025\n", "no Status"),
        (.dsptRegister, "Code,Status,Date Of Publication\nB86001,Standards Met,01/13/2025\n", "not a date"),
        (.dsptRegister, "Code,Status,Date Of Publication\nB86001,Standards Met\n", "line 2 has 2 fields"),
        (.dsptRegister, "", "is empty"),
        (.dsptRegister, "\u{FF}\u{FE}C\0o\0d\0e\0", "UTF-16"),
        (.dsptRegister, "Code,Status,Date Of Publication\nB86001,\"Standards Met\"x,01/01/2025\n", "line 2 cannot be read as CSV"),
    ])
    func aFileThatIsNotTheListIsRefusedInOneLine(_ kind: ReferenceKind, _ text: String, _ problem: String) throws {
        let folder = TestFolder()
        let bytes = text.hasPrefix("\u{FF}\u{FE}") ? Data([0xFF, 0xFE] + Array(text.utf8.dropFirst(4))) : Data(text.utf8)
        let file = try folder.write(bytes, to: "list.csv")
        let error = try #require(throws: InputError.self) { try ReferenceListReader.read(kind, path: file.path) }
        #expect(error.subject == file.path)
        #expect(error.problem.contains(problem), "\(error.problem)")
        #expect(!error.description.contains("\n"))
    }

    @Test func aFIFOAFolderAndAnOversizedFileAreRefusedWithoutReadingThem() throws {
        let folder = TestFolder()
        let fifo = folder.path("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let fifoError = try #require(throws: InputError.self) { try ReferenceListReader.read(.dsptRegister, path: fifo) }
        #expect(fifoError.problem.contains("not a regular file"))
        #expect(throws: InputError.self) { try ReferenceListReader.read(.odsRegister, path: folder.url.path) }
        // A sparse file one byte over the limit: refused by its size before any byte is read.
        let large = try folder.write(Data(), to: "large.csv")
        #expect(truncate(large.path, off_t(ReferenceListReader.maximumBytes + 1)) == 0)
        let sizeError = try #require(throws: InputError.self) { try ReferenceListReader.read(.odsRegister, path: large.path) }
        #expect(sizeError.problem.contains("more than the \(ReferenceListReader.maximumBytes)"))
    }

    @Test func aListWithMoreRowsThanAnyRealOneIsRefused() throws {
        let folder = TestFolder()
        let rows = String(repeating: "A1,,\n", count: ReferenceListReader.maximumRows)
        let atLimit = try folder.write(Data(("Code,Status,Date Of Publication\n" + rows).utf8), to: "limit.csv")
        #expect(try ReferenceListReader.read(.dsptRegister, path: atLimit.path).record.rows == ReferenceListReader.maximumRows)
        let over = try folder.write(Data(("Code,Status,Date Of Publication\n" + rows + "A2,,\n").utf8), to: "over.csv")
        let error = try #require(throws: InputError.self) { try ReferenceListReader.read(.dsptRegister, path: over.path) }
        #expect(error.problem.contains("more than the \(ReferenceListReader.maximumRows) rows"))
    }

    @Test func oneNationalDSPTListAtATime() throws {
        let dspt = try Self.list(.dsptRegister, "dspt-national.csv")
        #expect(throws: InputError.self) { try ReferenceLists([dspt, dspt]) }
    }

    // MARK: The DSPT cross-check

    private func dspt(_ row: String, odsCode: String = "B86001", asOf: Date = IGFixtures.asOf, references: ReferenceLists? = nil) async throws -> CheckOutcome {
        let evidence = "Organisation Code,Organisation Name,Status,Date Published\n\(row)\n"
        return try await IGFixtures.run(DSPTCheck(), files: [.dspt(evidence)], odsCode: odsCode, asOf: asOf, references: references ?? Self.all())
    }

    @Test func evidenceTheNationalListAgreesWithPasses() async throws {
        let outcome = try await dspt("B86001,Example Medical Practice,2024-25 Standards Met,15/06/2025")
        #expect(outcome.codes == [])
        #expect(outcome.summary.hasSuffix("The national DSPT list agrees."))
        #expect(!outcome.lapses.isEmpty)
    }

    /// The list wins: another status, or another latest year, is an error even when the evidence passes alone.
    @Test(arguments: [
        ("B86002", "B86002,Mismatch Surgery,24/25 Standards Met,20/06/2025", "the status is \"Approaching Standards\" there, not \"Standards Met\""),
        ("B86003", "B86003,Never Published Surgery,2024-25 Standards Met,20/06/2025", "the status is \"Not Published\" there"),
        ("B86004", "B86004,Lower Case Practice,2025-26 Standards Exceeded,01/03/2026", "its latest year there is 2023-24, not 2025-26"),
    ])
    func aListThatSaysOtherwiseIsAMismatch(_ odsCode: String, _ row: String, _ difference: String) async throws {
        let outcome = try await dspt(row, odsCode: odsCode)
        let mismatch = try #require(outcome.findings.first { $0.code == .dsptRegisterMismatch })
        #expect(mismatch.severity == .error)
        #expect(mismatch.message.contains(difference), "\(mismatch.message)")
        #expect(mismatch.message.contains("The national list takes precedence."))
        #expect(outcome.status == .fail)
        #expect(outcome.lapses.isEmpty)
        #expect(outcome.summary.hasSuffix("The national DSPT list does not agree."))
    }

    @Test func aCodeTheListDoesNotNameIsMissing() async throws {
        let outcome = try await dspt("B86099,Unlisted Practice,2024-25 Standards Met,15/06/2025", odsCode: "B86099")
        #expect(outcome.codes == ["dspt.register-missing"])
        #expect(outcome.findings[0].message.contains("B86099 is not on the national DSPT list"))
    }

    // MARK: The ODS cross-check

    private func directCare(_ odsCode: String, _ name: String, asOf: Date = IGFixtures.asOf, references: ReferenceLists? = nil) async throws -> CheckOutcome {
        try await IGFixtures.run(DirectCareCheck(), files: [], odsCode: odsCode, name: name, asOf: asOf, references: references ?? Self.all())
    }

    @Test(arguments: [
        ("B86001", "Example Medical Practice"), ("RR8", "Leeds Teaching Hospitals NHS Trust"),
        ("VT8H1", "St Mary's & St John's Care Home Ltd"), ("vt8h1", "ST. MARYS AND ST. JOHNS CARE-HOME LIMITED"),
        ("RGD", "Leeds & York Partnership NHS Foundation Trust"),
    ])
    func anOpenOrganisationUnderItsRegisteredNameIsConfirmed(_ odsCode: String, _ name: String) async throws {
        let outcome = try await directCare(odsCode, name)
        #expect(outcome.codes == [])
        #expect(outcome.summary.hasSuffix("; the ODS register lists it as open"))
    }

    @Test(arguments: [
        ("B86005", "Closed Practice", "as closed on 31 March 2024"),
        ("B86006", "Dormant Practice", "as dormant (status D)"),
        ("VT8H2", "Closed Care Home", "as closed on 31 January 2025"),
    ])
    func aClosedOrDormantOrganisationFails(_ odsCode: String, _ name: String, _ reason: String) async throws {
        let outcome = try await directCare(odsCode, name)
        #expect(outcome.codes == ["organisation.closed"])
        #expect(outcome.findings[0].message.contains(reason), "\(outcome.findings[0].message)")
        #expect(outcome.status == .fail)
    }

    @Test func aCloseDateStillToComeIsOpenUntilThen() async throws {
        // VT8H2 closes on 31 January 2025: the day before it is open, on the day it is closed.
        let before = try await directCare("VT8H2", "Closed Care Home", asOf: IGFixtures.instant("2025-01-30T23:59:59Z"))
        #expect(before.codes == [])
        let on = try await directCare("VT8H2", "Closed Care Home", asOf: IGFixtures.instant("2025-01-31T00:00:00Z"))
        #expect(on.codes == ["organisation.closed"])
    }

    @Test func aCodeNoODSFileListsIsUnknown() async throws {
        let outcome = try await directCare("B86099", "Unlisted Practice")
        #expect(outcome.codes == ["organisation.unknown"])
        #expect(outcome.findings[0].message.contains("any of the 3 ODS register files"))
    }

    @Test func aNameThatDiffersIsAWarning() async throws {
        let outcome = try await directCare("B86001", "Example Surgery")
        #expect(outcome.codes == ["organisation.name-differs"])
        #expect(outcome.findings[0].severity == .warning)
        #expect(outcome.findings[0].message.contains("\"EXAMPLE MEDICAL PRACTICE\""))
        #expect(outcome.status == .warn)
    }

    @Test(arguments: [
        ("St. Mary's & St. John's Care Home Ltd", "ST MARYS AND ST JOHNS CARE HOME LIMITED", true),
        ("Leeds  Teaching   Hospitals", "leeds teaching hospitals", true),
        ("Example Practice", "Example Medical Practice", false),
        ("Example Ltd", "Example Ltd Limited", false),
    ])
    func namesCompareIgnoringCaseSpacingPunctuationAndAbbreviations(_ first: String, _ second: String, _ same: Bool) {
        #expect((OrganisationName(first) == OrganisationName(second)) == same)
    }

    // MARK: Age and the report

    /// A list imported more than `references.maximumAgeDays` (31) before the as-of instant gives a warning naming it.
    @Test(arguments: [("2026-03-01T09:00:00Z", false), ("2026-03-01T08:59:59Z", true)])
    func anOldListGivesAWarningNamingIt(_ importedAt: String, _ stale: Bool) async throws {
        let lists = try Self.all(importedAt: IGFixtures.instant(importedAt))
        let dsptOutcome = try await dspt("B86001,Example Medical Practice,2024-25 Standards Met,15/06/2025", references: lists)
        let direct = try await directCare("B86001", "Example Medical Practice", references: lists)
        #expect(dsptOutcome.codes == (stale ? ["reference.stale"] : []))
        #expect(direct.codes == (stale ? Array(repeating: "reference.stale", count: 3) : []))
        if stale {
            let sha = lists.dspt!.record.sha256
            #expect(dsptOutcome.findings[0].severity == .warning)
            #expect(dsptOutcome.findings[0].location == "reference dspt-register \(sha)")
            #expect(dsptOutcome.findings[0].message.contains("The national DSPT list used (SHA-256 \(sha.prefix(12))…, 320 rows, imported \(importedAt))"))
        }
    }

    @Test func thePolicyBoundsTheAge() throws {
        #expect(Policy.defaults.references.maximumAgeDays == 31)
        #expect(String(decoding: Policy.defaults.canonicalJSON(), as: UTF8.self).contains(#""references":{"maximumAgeDays":31}"#))
        #expect(try PolicyLoader.parse(Data(#"{"references":{"maximumAgeDays":7}}"#.utf8), source: "p").references.maximumAgeDays == 7)
        for days in [0, 367] {
            let error = try #require(throws: InputError.self) {
                try PolicyLoader.parse(Data(#"{"references":{"maximumAgeDays":\#(days)}}"#.utf8), source: "p")
            }
            #expect(error.problem.hasPrefix("references.maximumAgeDays must be"))
        }
    }

    /// The report names every list used; without lists it has no `references` at all.
    @Test func theReportNamesTheListsUsed() async throws {
        let bundle = try EvidenceBundleReader().read(ExampleBundleTests.repository.appendingPathComponent("evidence/gp-practice"))
        let trust = ExampleBundleTests.repository.appendingPathComponent("certs")
        let anchors = try TrustAnchors.load(.signers, from: trust), hscn = try TrustAnchors.load(.hscn, from: trust)
        let asOf = ExampleBundleTests.asOf
        let lists = try Self.all()
        let with = await Verifier().verify(try testContext(bundle, asOf: asOf, anchors: anchors, hscnAnchors: hscn, references: lists), generatedAt: asOf)
        let without = await Verifier().verify(try testContext(bundle, asOf: asOf, anchors: anchors, hscnAnchors: hscn), generatedAt: asOf)
        #expect(with.references == [lists.dspt!.record] + lists.ods.map(\.record))
        #expect(with.references?.map(\.kind) == [.dsptRegister, .odsRegister, .odsRegister, .odsRegister])
        #expect(with.decision == .eligible)
        let json = String(decoding: try ReportCoding.encode(with), as: UTF8.self)
        #expect(json.contains(#"{"importedAt":"2026-03-25T09:00:00Z","kind":"dspt-register","rows":320,"sha256":"\#(lists.dspt!.record.sha256)"}"#))
        #expect(without.references == nil)
        #expect(!String(decoding: try ReportCoding.encode(without), as: UTF8.self).contains("references"))
        #expect(try ReportCoding.decode(ReportCoding.encode(with), file: "r.json") == with)
        // The rendered report lists them among its details.
        let text = ReportTextRenderer.render(with)
        #expect(text.contains("Reference list (references)  dspt-register, SHA-256 \(lists.dspt!.record.sha256), 320 rows, imported 2026-03-25T09:00:00Z"))
        #expect(!ReportTextRenderer.render(without).contains("Reference list"))
    }
}
