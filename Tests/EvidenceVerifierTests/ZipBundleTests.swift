import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// Zip bundles: read like folders, and hostile archives refused before anything leaves the private folder.
@Suite struct ZipBundleTests {
    let pki = sharedPKI

    func signedFolder(_ folder: TestFolder) throws -> URL {
        try BundleBuilder.withUserList().write(in: folder, signer: pki.signer)
    }

    @Test(arguments: [nil, "example-practice"])
    func zipOfABundleVerifiesLikeTheFolder(topFolder: String?) async throws {
        let folder = TestFolder()
        let root = try signedFolder(folder)
        let zip = folder.path("bundle.zip")
        try ZipWriter.zip(folder: root, to: zip, under: topFolder)
        let fromFolder = try await verify(root, pki: pki, checks: [EvidenceIntegrityCheck()])
        let fromZip = try await verify(zip, pki: pki, checks: [EvidenceIntegrityCheck()])
        #expect(fromZip.prerequisite(.evidenceIntegrity).status == .pass)
        #expect(try ReportCoding.encode(fromZip) == ReportCoding.encode(fromFolder))
    }

    @Test func privateCopyIsRemovedWhenTheBundleGoes() throws {
        let folder = TestFolder()
        let zip = folder.path("bundle.zip")
        try ZipWriter.zip(folder: try signedFolder(folder), to: zip)
        var bundle: EvidenceBundle? = try EvidenceBundleReader().read(zip)
        let root = bundle!.root
        #expect(FileManager.default.fileExists(atPath: root.path))
        let permissions = try FileManager.default.attributesOfItem(atPath: bundle!.storage!.url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o700)
        bundle = nil
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }

    @Test(arguments: [
        ("../escape.txt", "climbs out of the bundle"),
        ("staff/../../escape.txt", "climbs out of the bundle"),
        ("/tmp/absolute.txt", "is absolute"),
        ("dir\\..\\escape.txt", "backslash"),
    ])
    func escapingEntriesAreRefused(path: String, reason: String) throws {
        let folder = TestFolder()
        let zip = folder.path("evil.zip")
        try ZipWriter.write([.file("manifest.json", Data("{}".utf8)), .file(path, Data("x".utf8))], to: zip)
        let error = #expect(throws: InputError.self) { try EvidenceBundleReader().read(zip) }
        #expect(error?.problem.contains(reason) == true, "\(error?.description ?? "")")
        #expect(!FileManager.default.fileExists(atPath: folder.path("escape.txt").path))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/absolute.txt"))
    }

    @Test func symlinkEntriesAreRefused() throws {
        let folder = TestFolder()
        let zip = folder.path("link.zip")
        try ZipWriter.write([.symlink("staff/users.csv", target: "/etc/passwd")], to: zip)
        let error = #expect(throws: InputError.self) { try EvidenceBundleReader().read(zip) }
        #expect(error?.problem.contains("symbolic link") == true)
    }

    @Test func tooManyEntriesAreRefused() throws {
        let folder = TestFolder()
        let zip = folder.path("many.zip")
        try ZipWriter.write((0..<11).map { .file("f\($0).txt", Data("x".utf8)) }, to: zip)
        var limits = Policy.defaults.evidence
        limits.maximumZipEntries = 10
        let error = #expect(throws: InputError.self) { try EvidenceBundleReader(limits: limits).read(zip) }
        #expect(error?.problem.contains("more than 10 entries") == true)
    }

    @Test func highlyCompressedEntryIsRefusedAsABomb() throws {
        let folder = TestFolder()
        let zip = folder.path("bomb.zip")
        try ZipWriter.write([.file("zeros.bin", Data(count: 8 << 20))], to: zip)
        let size = try FileManager.default.attributesOfItem(atPath: zip.path)[.size] as? Int ?? 0
        #expect(size < 100_000)
        let error = #expect(throws: InputError.self) { try EvidenceBundleReader().read(zip) }
        #expect(error?.problem.contains("zip bomb") == true, "\(error?.description ?? "")")
    }

    @Test func entryLargerThanAllowedIsRefused() throws {
        let folder = TestFolder()
        let zip = folder.path("large.zip")
        let random = Data((0..<4096).map { _ in UInt8.random(in: 0...255) })
        try ZipWriter.write([.file("big.bin", random)], to: zip)
        var limits = Policy.defaults.evidence
        limits.maximumZipEntryBytes = 1024
        let error = #expect(throws: InputError.self) { try EvidenceBundleReader(limits: limits).read(zip) }
        #expect(error?.problem.contains("more than the 1024 allowed") == true, "\(error?.description ?? "")")
    }

    @Test func totalLargerThanAllowedIsRefused() throws {
        let folder = TestFolder()
        let zip = folder.path("total.zip")
        let random = Data((0..<3000).map { _ in UInt8.random(in: 0...255) })
        try ZipWriter.write([.file("a.bin", random), .file("b.bin", random)], to: zip)
        var limits = Policy.defaults.evidence
        limits.maximumZipTotalBytes = 5000
        let error = #expect(throws: InputError.self) { try EvidenceBundleReader(limits: limits).read(zip) }
        #expect(error?.problem.contains("in total") == true, "\(error?.description ?? "")")
    }

    @Test(arguments: [Data(), Data("PK\u{03}\u{04}not really a zip".utf8), Data("hello".utf8)])
    func unreadableZipsAreInputErrors(_ bytes: Data) throws {
        let folder = TestFolder()
        let zip = try folder.write(bytes, to: "broken.zip")
        #expect(throws: InputError.self) { try EvidenceBundleReader().read(zip) }
    }

    @Test func aFileThatIsNeitherFolderNorZipIsAnInputError() throws {
        let folder = TestFolder()
        let file = try folder.write("just text", to: "bundle.txt")
        let error = #expect(throws: InputError.self) { try EvidenceBundleReader().read(file) }
        #expect(error?.problem.contains("neither a folder nor a .zip") == true)
    }
}
