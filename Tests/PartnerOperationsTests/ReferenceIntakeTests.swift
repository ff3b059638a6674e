import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry
import Testing

/// `submit` through `SubmissionIntake` cross-checks against the latest lists imported into the data
/// folder (real files, real SQLite): each submission reads what is imported at that moment.
@Suite struct ReferenceIntakeTests {
    static func list(_ name: String) -> String {
        OperationsFixture.repository.appendingPathComponent("evidence/references/\(name)").path
    }

    @Test("Each submission uses the latest import of each list; a list imported later is used by the next submission")
    func submissionsUseTheLatestImports() async throws {
        let fixture = try OperationsFixture()
        let importer = ReferenceImport(registry: fixture.registry)
        let first = try importer.importList(.dsptRegister, path: Self.list("dspt-national.csv"), at: OperationsFixture.asOf)
        _ = try importer.importList(.odsRegister, path: Self.list("epraccur.csv"), at: OperationsFixture.asOf)
        #expect(first.isNewFile && first.reference.rows == 320 && first.reference.name == "national")
        let outcome = try await fixture.submit(OperationsFixture.example("gp-practice"))
        #expect(outcome.verified.report.decision == .eligible)
        #expect(outcome.verified.report.references?.map(\.sha256) == [first.reference.sha256, try fixture.registry.latestReferences()[1].sha256])

        // The trusts' file is imported too: the latest of each ODS file by name is used, both named.
        _ = try importer.importList(.odsRegister, path: Self.list("etr.csv"), at: OperationsFixture.asOf.addingTimeInterval(60))
        let trust = try await fixture.submit(OperationsFixture.example("trust-esr"))
        #expect(trust.verified.report.decision == .eligible)
        #expect(trust.verified.report.references?.count == 3)
        #expect(fixture.files().filter { $0.hasPrefix("references/") }.count == 3)
    }

    @Test("Identical bytes imported again keep one stored file and record a new import")
    func reimportKeepsOneFile() throws {
        let fixture = try OperationsFixture()
        let importer = ReferenceImport(registry: fixture.registry)
        let first = try importer.importList(.odsRegister, path: Self.list("etr.csv"), at: OperationsFixture.asOf)
        let again = try importer.importList(.odsRegister, path: Self.list("etr.csv"), at: OperationsFixture.asOf.addingTimeInterval(3_600))
        #expect(first.isNewFile && !again.isNewFile)
        #expect(first.reference.storedPath == again.reference.storedPath)
        #expect(try fixture.registry.latestReferences() == [again.reference])
        #expect(fixture.files().filter { $0.hasPrefix("references/") || $0.hasPrefix("incoming/") } == [first.reference.storedPath])
    }

    @Test("A stored list changed since import refuses the submission before anything is stored")
    func changedStoredListRefusesSubmission() async throws {
        let fixture = try OperationsFixture()
        let imported = try ReferenceImport(registry: fixture.registry).importList(.odsRegister, path: Self.list("epraccur.csv"), at: OperationsFixture.asOf)
        let stored = fixture.dataDirectory.root.appendingPathComponent(imported.reference.storedPath)
        #expect(chmod(stored.path, 0o640) == 0)
        try Data("B99999,\"LATER\",,,,,,,,,19740401,,A\r\n".utf8).write(to: stored)
        let before = fixture.files()
        await #expect(throws: InputError.self) { try await fixture.submit(OperationsFixture.example("gp-practice")) }
        #expect(fixture.files() == before)
        #expect(try fixture.registry.partners().isEmpty)
    }
}
