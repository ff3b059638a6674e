import Foundation
import Testing

@testable import PartnerRegistry

@Suite("Evidence store")
struct EvidenceStoreTests {
    @Test("The test digest is SHA-256 (FIPS 180-4 vectors)")
    func testDigestIsSHA256() {
        #expect(TestSHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TestSHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(TestSHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("A bundle is stored under evidence/sha256/ab/<hex>.zip with its bytes, and no temporary file is left")
    func storesByDigest() throws {
        let scratch = try Scratch()
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let source = try scratch.file("bundle.zip", bytes)
        let store = EvidenceStore(dataDirectory: scratch.dataDirectory)
        let stored = try Self.store(source, in: store)
        let sha256 = TestSHA256.hex(of: bytes)
        #expect(stored.sha256 == sha256 && stored.bytes == 200_000 && stored.isNew)
        #expect(stored.relativePath == "evidence/sha256/\(sha256.prefix(2))/\(sha256).zip")
        #expect(try Data(contentsOf: stored.url) == Data(bytes))
        #expect(scratch.listing(scratch.dataDirectory.root) == [stored.relativePath])
    }

    @Test("Identical bytes are recognised as the same stored file; nothing is written again")
    func recognisesIdenticalBytes() throws {
        let scratch = try Scratch()
        let store = EvidenceStore(dataDirectory: scratch.dataDirectory)
        let first = try Self.store(try scratch.file("one.zip", Array("same bytes".utf8)), in: store)
        let modified = try FileManager.default.attributesOfItem(atPath: first.url.path)[.modificationDate] as? Date
        let second = try Self.store(try scratch.file("two.zip", Array("same bytes".utf8)), in: store)
        #expect(!second.isNew && second.url == first.url && second.sha256 == first.sha256)
        #expect(store.existing(sha256: first.sha256) == second)
        #expect(try FileManager.default.attributesOfItem(atPath: first.url.path)[.modificationDate] as? Date == modified)
        #expect(scratch.listing(scratch.dataDirectory.root) == [first.relativePath])
    }

    @Test("A staged copy can be read before it is kept; one that is not kept leaves nothing behind")
    func stagesBeforeKeeping() throws {
        let scratch = try Scratch()
        let store = EvidenceStore(dataDirectory: scratch.dataDirectory)
        let source = try scratch.file("bundle.zip", Array("look first".utf8))
        let descriptor = open(source.path, O_RDONLY)
        defer { close(descriptor) }
        var staged: StagedEvidence? = try store.stage(from: descriptor, name: source.path, digest: TestSHA256())
        #expect(try Data(contentsOf: staged!.url) == Data("look first".utf8))
        #expect(store.existing(sha256: staged!.sha256) == nil)
        staged = nil
        #expect(scratch.listing(scratch.dataDirectory.root).isEmpty)
        let kept = try store.keep(try store.stage(from: descriptor, name: source.path, digest: TestSHA256()))
        #expect(scratch.listing(scratch.dataDirectory.root) == [kept.relativePath])
    }

    @Test("Private copies abandoned in incoming/ for more than a day are removed; newer ones and stored files are kept")
    func removesAbandonedStaging() throws {
        let scratch = try Scratch()
        let store = EvidenceStore(dataDirectory: scratch.dataDirectory)
        let stored = try Self.store(try scratch.file("bundle.zip", [1, 2, 3]), in: store)
        let incoming = scratch.dataDirectory.incomingFolder
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for (name, age) in [(".evidence-old.tmp", 90_000.0), (".pack-old.zip", 90_000), (".evidence-new.tmp", 600), ("visible.tmp", 90_000)] {
            let file = incoming.appendingPathComponent(name)
            try Data("x".utf8).write(to: file)
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-age)], ofItemAtPath: file.path)
        }
        #expect(store.removeAbandonedStaging(now: now) == 2)
        #expect(scratch.listing(incoming) == [".evidence-new.tmp", "visible.tmp"])
        #expect(FileManager.default.fileExists(atPath: stored.url.path))
    }

    @Test("A file already at the name is never overwritten")
    func neverOverwrites() throws {
        let scratch = try Scratch()
        let store = EvidenceStore(dataDirectory: scratch.dataDirectory)
        let bytes = Array("the applicant's bundle".utf8)
        let target = store.url(sha256: TestSHA256.hex(of: bytes))
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("kept as it was".utf8).write(to: target)
        let stored = try Self.store(try scratch.file("bundle.zip", bytes), in: store)
        #expect(!stored.isNew)
        #expect(try Data(contentsOf: target) == Data("kept as it was".utf8))
    }

    @Test("A copy whose digest is not the one the caller expected is refused and nothing is stored")
    func refusesUnexpectedDigest() throws {
        let scratch = try Scratch()
        let store = EvidenceStore(dataDirectory: scratch.dataDirectory)
        let source = try scratch.file("bundle.zip", Array("changed underneath".utf8))
        let descriptor = open(source.path, O_RDONLY)
        defer { close(descriptor) }
        #expect(throws: RegistryError.self) {
            try store.store(from: descriptor, name: source.path, digest: TestSHA256(), expectedSha256: String(repeating: "0", count: 64))
        }
        #expect(scratch.listing(scratch.dataDirectory.root).isEmpty)
    }

    @Test("A bundle over the store's limit is refused and nothing is stored")
    func refusesOversizedBundle() throws {
        let scratch = try Scratch()
        let store = EvidenceStore(dataDirectory: scratch.dataDirectory, maximumBytes: 1000)
        #expect(throws: RegistryError.self) { try Self.store(try scratch.file("big.zip", [UInt8](repeating: 1, count: 1001)), in: store) }
        #expect(scratch.listing(scratch.dataDirectory.root).isEmpty)
    }

    @Test("A store on a read-only file system is one clear error")
    func refusesReadOnlyStore() throws {
        let scratch = try Scratch()
        let folder = try ReadOnlyFolder(at: scratch.url.appendingPathComponent("ro"))
        try folder.makeReadOnly()
        let store = EvidenceStore(dataDirectory: DataDirectory(folder.url))
        #expect {
            try Self.store(try scratch.file("bundle.zip", [1, 2, 3]), in: store)
        } throws: { error in
            guard case RegistryError.readOnly = error else { return false }
            return true
        }
    }

    static func store(_ file: URL, in store: EvidenceStore) throws -> StoredEvidence {
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(descriptor) }
        return try store.store(from: descriptor, name: file.path, digest: TestSHA256())
    }
}
