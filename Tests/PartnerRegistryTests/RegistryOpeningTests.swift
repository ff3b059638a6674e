import Foundation
import GRDB
import Testing

@testable import PartnerRegistry

@Suite("Opening the registry")
struct RegistryOpeningTests {
    @Test("A new data folder gets a registry with our application_id, WAL and every named migration")
    func createsRegistry() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        #expect(try registry.partners().isEmpty)
        let queue = try DatabaseQueue(path: scratch.dataDirectory.registryFile.path, configuration: Self.readOnly)
        let (identifier, journal, migrations, tables) = try queue.read { db throws in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"), try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try RegistryMigrations.migrator.completedMigrations(db),
                try ["partner", "submission", "verification", "decision", "waiver", "token", "reference"].filter { try db.tableExists($0) }
            )
        }
        #expect(identifier == RegistryFileIdentity.applicationID)
        #expect(journal == "wal")
        #expect(migrations == ["v1 partners", "v1 submissions", "v1 verifications", "v1 decisions", "v1 waivers", "v2 tokens", "v3 references"])
        #expect(tables.count == 7)
        #expect(try RegistryFileIdentity.inspect(scratch.dataDirectory.registryFile) == .registry)
        #expect(!scratch.listing(scratch.dataDirectory.root).contains { $0.contains(".new-") })
    }

    @Test("Opening an existing registry again keeps what it holds")
    func reopens() throws {
        let scratch = try Scratch()
        let first = try PartnerRegistry.open(scratch.dataDirectory)
        _ = try first.recordSubmission(odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example)
        let second = try PartnerRegistry.open(scratch.dataDirectory)
        #expect(try second.partners().map(\.odsCode) == ["B86001"])
    }

    @Test("Another application's SQLite database is refused and left byte-identical")
    func refusesForeignSQLite() throws {
        let scratch = try Scratch()
        try scratch.dataDirectory.prepare()
        let file = scratch.dataDirectory.registryFile
        do {
            let queue = try DatabaseQueue(path: file.path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('someone else''s')")
            }
            try queue.close()
        }
        let before = try Data(contentsOf: file)
        let listingBefore = scratch.listing(scratch.dataDirectory.root)
        #expect(throws: RegistryError.notARegistry(path: file.path)) { try PartnerRegistry.open(scratch.dataDirectory) }
        #expect(try Data(contentsOf: file) == before)
        #expect(scratch.listing(scratch.dataDirectory.root) == listingBefore)
        #expect(RegistryError.notARegistry(path: file.path).description == file.path + ": is not an lcr-verify registry; refused (the file was not modified)")
    }

    @Test("A file that is not SQLite at all (random bytes, or empty) is refused and left byte-identical")
    func refusesRandomBytes() throws {
        let scratch = try Scratch()
        try scratch.dataDirectory.prepare()
        let file = scratch.dataDirectory.registryFile
        var generator = SystemRandomNumberGenerator()
        for contents in [(0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }, [], Array("SQLite format 3".utf8)] {
            try Data(contents).write(to: file)
            #expect(throws: RegistryError.notARegistry(path: file.path)) { try PartnerRegistry.open(scratch.dataDirectory) }
            #expect(try Data(contentsOf: file) == Data(contents))
            #expect(scratch.listing(scratch.dataDirectory.root) == ["registry.sqlite"])
        }
    }

    @Test("A symbolic link in place of the registry is refused, not followed")
    func refusesLink() throws {
        let scratch = try Scratch()
        try scratch.dataDirectory.prepare()
        _ = try PartnerRegistry.open(DataDirectory(scratch.url.appendingPathComponent("other")))
        try FileManager.default.createSymbolicLink(
            at: scratch.dataDirectory.registryFile,
            withDestinationURL: scratch.url.appendingPathComponent("other/registry.sqlite"))
        #expect(throws: RegistryError.notARegistry(path: scratch.dataDirectory.registryFile.path)) {
            try PartnerRegistry.open(scratch.dataDirectory)
        }
    }

    @Test("A registry with a migration this build does not know is refused as newer, unchanged")
    func refusesNewerRegistry() throws {
        let scratch = try Scratch()
        _ = try PartnerRegistry.open(scratch.dataDirectory)
        let file = scratch.dataDirectory.registryFile
        do {
            let queue = try DatabaseQueue(path: file.path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99 from the future')") }
            try queue.close()
        }
        #expect(throws: RegistryError.newerRegistry(path: file.path)) { try PartnerRegistry.open(scratch.dataDirectory) }
        let queue = try DatabaseQueue(path: file.path, configuration: Self.readOnly)
        let identifiers = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(identifiers.count == 8)  // the seven of this build and the unknown one, nothing removed
    }

    @Test("A registry whose pages are damaged is refused with one line, never rewritten")
    func refusesCorruptRegistry() throws {
        let scratch = try Scratch()
        let registry = try PartnerRegistry.open(scratch.dataDirectory)
        _ = try registry.recordSubmission(odsCode: "B86001", name: "Practice", evidence: .example("a"), receivedAt: .example)
        try registry.backup(to: scratch.url.appendingPathComponent("whole.sqlite"))
        // A whole registry (its backup), then every byte of its pages after page 1 overwritten.
        var bytes = try [UInt8](Data(contentsOf: scratch.url.appendingPathComponent("whole.sqlite")))
        for index in 4096..<bytes.count { bytes[index] = 0xA5 }
        let damaged = DataDirectory(scratch.url.appendingPathComponent("damaged"))
        try damaged.prepare()
        try Data(bytes).write(to: damaged.registryFile)
        #expect {
            try PartnerRegistry.open(damaged)
        } throws: { error in
            guard case RegistryError.unusableRegistry(_, let reason) = error else { return false }
            return reason.contains("corrupt")
        }
        #expect(try [UInt8](Data(contentsOf: damaged.registryFile)) == bytes)
    }

    @Test("A data folder on a read-only file system is one clear error, and nothing is written")
    func refusesReadOnlyFolder() throws {
        let scratch = try Scratch()
        let folder = try ReadOnlyFolder(at: scratch.url.appendingPathComponent("ro"))
        try folder.makeReadOnly()
        let data = DataDirectory(folder.url)
        #expect {
            try PartnerRegistry.open(data)
        } throws: { error in
            guard case RegistryError.readOnly(let path, _) = error else { return false }
            return path == folder.url.path
        }
        #expect(scratch.listing(folder.url).isEmpty)
    }

    @Test("An existing registry whose folder became read-only is refused with one clear error")
    func refusesRegistryOnReadOnlyFolder() throws {
        let scratch = try Scratch()
        let folder = try ReadOnlyFolder(at: scratch.url.appendingPathComponent("ro"))
        let data = DataDirectory(folder.url)
        _ = try PartnerRegistry.open(data)
        let before = try Data(contentsOf: data.registryFile)
        try folder.makeReadOnly()
        #expect {
            try PartnerRegistry.open(data)
        } throws: { error in
            guard case RegistryError.readOnly = error else { return false }
            return true
        }
        #expect(try Data(contentsOf: data.registryFile) == before)
    }

    static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}
