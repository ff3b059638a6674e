import Foundation
import Testing

@testable import PartnerRegistry

/// Imported reference lists in a real SQLite registry: each import is a row ("v3 references"), the
/// latest of each kind and name is the one in use, and a stored list is kept under its digest, never rewritten.
@Suite struct ReferenceRecordingTests {
    static func reference(_ kind: String, _ name: String, _ digit: Character, at seconds: TimeInterval) -> ImportedReference {
        let sha256 = String(repeating: digit, count: 64)
        return ImportedReference(
            kind: kind, name: name, sha256: sha256, rows: 10, bytes: 100, importedAt: Date(timeIntervalSince1970: seconds),
            storedPath: "references/\(kind.prefix { $0 != "-" })-\(sha256).csv")
    }

    @Test("The latest import of each kind and name is in use, whatever order they were recorded in")
    func latestOfEachList() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        let rows = [
            Self.reference("dspt-register", "national", "a", at: 1_000),
            Self.reference("ods-register", "epraccur", "b", at: 1_000),
            Self.reference("dspt-register", "national", "c", at: 3_000),
            Self.reference("ods-register", "etr", "d", at: 2_000),
            Self.reference("ods-register", "epraccur", "e", at: 500),
        ]
        let recorded = try rows.map { try registry.recordReference($0) }
        #expect(recorded.map(\.id) == [1, 2, 3, 4, 5])
        #expect(try registry.references() == recorded)
        #expect(try registry.latestReferences().map(\.sha256.first) == ["c", "b", "d"])
        // Reopened, the rows are still there.
        #expect(try PartnerRegistry.open(scratch.dataDirectory).latestReferences().count == 3)
    }

    @Test("A kind the schema does not know and a digest that is not one are refused")
    func schemaRefusesNonsense() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        #expect(throws: RegistryError.self) { try registry.recordReference(Self.reference("cqc-register", "x", "a", at: 0)) }
        var short = Self.reference("ods-register", "etr", "a", at: 0)
        short.sha256 = "abc"
        #expect(throws: RegistryError.self) { try registry.recordReference(short) }
        #expect(try registry.references().isEmpty)
    }

    @Test("A staged list is kept as references/<kind>-<sha256>.csv; the same bytes again keep the one file")
    func storedUnderItsDigest() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        let source = try scratch.file("list.csv", Array("B1,A,,,,,,,,,20000101,\n".utf8))
        func stage() throws -> StagedEvidence {
            let descriptor = open(source.path, O_RDONLY)
            defer { close(descriptor) }
            return try registry.evidenceStore.stage(from: descriptor, name: source.path, digest: TestSHA256())
        }
        let first = try registry.referenceStore.keep(try stage(), kind: "ods")
        let second = try registry.referenceStore.keep(try stage(), kind: "ods")
        #expect(first.isNew && !second.isNew)
        #expect(first.relativePath == "references/ods-\(first.sha256).csv")
        #expect(scratch.listing(scratch.dataDirectory.referencesFolder) == ["ods-\(first.sha256).csv"])
        #expect(try Data(contentsOf: first.url) == Data(contentsOf: source))
        #expect(throws: RegistryError.self) { try registry.referenceStore.keep(try stage(), kind: "../x") }
    }
}
