import Foundation
import Testing
@testable import EvidenceVerifier

/// The zip reader against archives crafted byte by byte: every lie an archive can tell about its sizes,
/// CRC-32, headers, names or layout ends in one `InputError` line, in bounded time, and honest archives
/// (stored, deflate, data descriptors, folders) unpack to exactly their bytes.
@Suite struct ZipReaderTests {
    /// A file's content that deflate cannot shrink much: letters from a fixed pseudo-random sequence.
    static func text(_ count: Int, seed: UInt32 = 7) -> Data {
        var state = seed
        return Data((0..<count).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(ascii: "a") + UInt8((state >> 16) % 26)
        })
    }

    /// The refusal `ZipExtractor` gives for `archive`; records an issue when it unpacks instead.
    func refusal(_ archive: Data, limits: Policy.Evidence = Policy.defaults.evidence) throws -> InputError? {
        let folder = TestFolder()
        let url = try folder.write(archive, to: "hostile.zip")
        let error = #expect(throws: InputError.self) { try ZipExtractor(limits: limits).extract(url) }
        #expect(error?.subject == url.path)
        #expect(error?.description.contains("\n") == false)
        return error
    }

    func expectRefusal(_ archive: Data, saying reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let error = try refusal(archive)
        #expect(error?.problem.contains(reason) == true, "\(error?.description ?? "no error")", sourceLocation: sourceLocation)
        #expect(error?.problem.hasSuffix("; refused") == true, sourceLocation: sourceLocation)
    }

    /// Unpacks `archive` and returns the unpacked files' contents by path.
    func unpacked(_ archive: Data) throws -> [String: Data] {
        let folder = TestFolder()
        let url = try folder.write(archive, to: "honest.zip")
        let (storage, _) = try ZipExtractor(limits: Policy.defaults.evidence).extract(url)
        var contents: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: storage.url.path)!.compactMap({ $0 as? String }) {
            let url = storage.url.appendingPathComponent(path)
            if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                contents[path] = try Data(contentsOf: url)
            }
        }
        return contents
    }

    // MARK: Deflate data that lies

    @Test func aDeflateStreamThatRunsPastItsEntryIsRefused() throws {
        let content = Self.text(400)
        var entry = ZipWriter.Entry.file("a.txt", content)
        entry.data = ZipWriter.deflated(content, finish: false).prefix(21)
        entry.headers { $0.compressedSize = 21 }
        let archive = ZipWriter.archive([entry])
        #expect(archive.count == 129)
        try expectRefusal(archive, saying: "does not end within its compressed size")
    }

    /// ZIPFoundation 0.9.20, the reader this one replaced, unpacked both of these, decoding bytes beyond the entry.
    @Test(arguments: ["complete stream, shorter declared size", "stored block longer than the entry"])
    func deflateDataIsNeverReadPastTheDeclaredCompressedSize(shape: String) throws {
        let content = Self.text(400)
        var entry = ZipWriter.Entry.file("a.txt", content)
        if shape.hasPrefix("complete") {
            entry.headers { $0.compressedSize = 21 }  // the stream's other bytes follow, before the central directory
        } else {
            // A final stored block of 1000 bytes (LEN 0x03E8, NLEN its complement) in a 21-byte entry.
            entry.data = Data([0x01, 0xE8, 0x03, 0x17, 0xFC]) + content.prefix(16)
            entry.headers { $0.compressedSize = 21 }
        }
        try expectRefusal(ZipWriter.archive([entry]), saying: "does not end within its compressed size")
    }

    @Test func aDeflateStreamLeftOpenIsRefused() throws {
        let content = Self.text(400)
        var entry = ZipWriter.Entry.file("a.txt", content)
        entry.data = ZipWriter.deflated(content, finish: false)
        let size = UInt32(entry.data.count)
        entry.headers { $0.compressedSize = size }
        try expectRefusal(ZipWriter.archive([entry]), saying: "does not end within its compressed size")
    }

    @Test func aLyingCompressedSizeCannotHideABomb() throws {
        let zeros = Data(count: 8 << 20)
        var entry = ZipWriter.Entry.file("zeros.bin", zeros)
        entry.data += Data(repeating: 0x55, count: 200_000)
        let declared = entry.data.count
        entry.headers { $0.compressedSize = UInt32(declared) }
        #expect(zeros.count / declared < Policy.defaults.evidence.maximumCompressionRatio)
        try expectRefusal(ZipWriter.archive([entry]), saying: "(a zip bomb)")
    }

    @Test func bytesAfterTheEndOfTheDeflateStreamAreRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(300))
        entry.data += Data([1, 2, 3, 4])
        let size = UInt32(entry.data.count)
        entry.headers { $0.compressedSize = size }
        try expectRefusal(ZipWriter.archive([entry]), saying: "4 bytes after the end of its deflate stream")
    }

    @Test func corruptDeflateDataIsRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(300))
        entry.data[0] = 0xFF  // block type 3 does not exist
        try expectRefusal(ZipWriter.archive([entry]), saying: "corrupt deflate data")
    }

    @Test(arguments: [true, false])
    func aCRCMismatchIsRefused(stored: Bool) throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(300), stored: stored)
        entry.headers { $0.crc32 ^= 1 }
        try expectRefusal(ZipWriter.archive([entry]), saying: "fails its CRC-32 check")
    }

    @Test(arguments: [true, false])
    func anEntryLargerThanItDeclaresIsRefused(stored: Bool) throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(5000), stored: stored)
        entry.headers {
            $0.uncompressedSize = 10
            if stored { $0.compressedSize = 10 }
        }
        let reason = stored ? "fails its CRC-32 check" : "more than the 10 bytes it declares"
        try expectRefusal(ZipWriter.archive([entry]), saying: reason)
    }

    @Test func anEntrySmallerThanItDeclaresIsRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(5000))
        entry.headers { $0.uncompressedSize = 6000 }
        try expectRefusal(ZipWriter.archive([entry]), saying: "unpacks to 5000 bytes, not the 6000 it declares")
    }

    @Test func aStoredEntryWhoseSizesDifferIsRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(50), stored: true)
        entry.headers { $0.compressedSize = 40 }
        try expectRefusal(ZipWriter.archive([entry]), saying: "stored with a compressed size (40) unlike its size (50)")
    }

    // MARK: Headers that lie

    @Test func aBrokenLocalHeaderOfALaterEntryRefusesTheArchive() throws {
        var third = ZipWriter.Entry.file("c.txt", Self.text(40))
        third.localSignature = 0x0403_4b51
        let archive = ZipWriter.archive([.file("a.txt", Self.text(40)), .file("b.txt", Self.text(40)), third])
        try expectRefusal(archive, saying: "entry \"c.txt\" has a broken local header")
    }

    @Test func nothingIsWrittenBeforeEveryHeaderHasBeenChecked() throws {
        var last = ZipWriter.Entry.file("z.txt", Self.text(40))
        last.localSignature = 0
        let folder = TestFolder()
        let url = try folder.write(ZipWriter.archive([.file("a.txt", Self.text(40)), .folder("b/"), last]), to: "late.zip")
        let destination = folder.path("out")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
        #expect(throws: InputError.self) {
            try ZipReader(limits: Policy.defaults.evidence).extract(url.path, into: destination)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path).isEmpty)
    }

    @Test func aLocalHeaderWithAnotherNameIsRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(40))
        entry.local.name = Array("b.txt".utf8)
        try expectRefusal(ZipWriter.archive([entry]), saying: "local header with a different name")
    }

    @Test func aLocalHeaderWithOtherSizesIsRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(40))
        entry.local.compressedSize += 1
        try expectRefusal(ZipWriter.archive([entry]), saying: "CRC-32 or sizes disagree with the central directory")
    }

    @Test func aLocalHeaderWithAnotherMethodIsRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(40))
        entry.local.method = 0
        try expectRefusal(ZipWriter.archive([entry]), saying: "disagrees with the central directory (flags or method)")
    }

    @Test func aLocalHeaderOffsetOutsideTheDataIsRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(40))
        entry.localHeaderOffset = 5000
        try expectRefusal(ZipWriter.archive([entry]), saying: "local header outside the archive's data")
    }

    @Test func overlappingEntriesAreRefused() throws {
        var first = ZipWriter.Entry.file("a.txt", Self.text(40))
        let second = ZipWriter.Entry.file("b.txt", Self.text(40, seed: 9))
        // The first entry claims the second's local header and data as its own compressed bytes.
        let claimed = UInt32(first.data.count + 30 + second.local.name.count + second.data.count)
        first.headers { $0.compressedSize = claimed }
        try expectRefusal(ZipWriter.archive([first, second]), saying: "entries \"a.txt\" and \"b.txt\" overlap")
    }

    @Test func aDataDescriptorThatDisagreesIsRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(40))
        entry.headers { $0.flags |= 0x08 }
        entry.trailer.append(little: UInt32(0x0807_4b50))
        entry.trailer.append(little: entry.central.crc32 ^ 1)
        entry.trailer.append(little: entry.central.compressedSize)
        entry.trailer.append(little: entry.central.uncompressedSize)
        try expectRefusal(ZipWriter.archive([entry]), saying: "data descriptor that disagrees")
    }

    @Test func encryptedEntriesAreRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(40))
        entry.headers { $0.flags |= 0x01 }
        try expectRefusal(ZipWriter.archive([entry]), saying: "entry \"a.txt\" is encrypted")
    }

    @Test func unknownMethodsAreRefused() throws {
        var entry = ZipWriter.Entry.file("a.txt", Self.text(40))
        entry.headers { $0.method = 12 }
        try expectRefusal(ZipWriter.archive([entry]), saying: "uses compression method 12")
    }

    @Test func specialFilesAreRefused() throws {
        var entry = ZipWriter.Entry.file("fifo", Data(), stored: true)
        entry.externalAttributes = 0o010644 << 16
        try expectRefusal(ZipWriter.archive([entry]), saying: "is a special file")
    }

    @Test func aFolderWithContentIsRefused() throws {
        var entry = ZipWriter.Entry.file("a/", Data("x".utf8), stored: true)
        entry.externalAttributes = 0o040755 << 16
        try expectRefusal(ZipWriter.archive([entry]), saying: "is a folder with content")
    }

    // MARK: The end record and the archive as a whole

    @Test(arguments: [
        (4, UInt32(1), "spans several disks"),
        (10, UInt32(0xFFFF), "uses ZIP64"),
        (16, UInt32(0x00FF_0000), "offsets do not match the file"),
    ])
    func endRecordsThatDoNotFitAreRefused(field: Int, value: UInt32, reason: String) throws {
        var archive = ZipWriter.archive([.file("a.txt", Self.text(40))])
        let end = ZipWriter.endRecordOffset(in: archive)
        if field == 16 { archive.set(little: value, at: end + field) } else { archive.set(little: UInt16(value), at: end + field) }
        try expectRefusal(archive, saying: reason)
    }

    @Test func aCentralDirectoryWithMoreRecordsThanListedIsRefused() throws {
        var archive = ZipWriter.archive([.file("a.txt", Self.text(40)), .file("b.txt", Self.text(40))])
        let end = ZipWriter.endRecordOffset(in: archive)
        archive.set(little: UInt16(1), at: end + 8)
        archive.set(little: UInt16(1), at: end + 10)
        try expectRefusal(archive, saying: "central directory larger than the entries it lists")
    }

    @Test(arguments: [1, 10, 60, 100])
    func aTruncatedArchiveIsRefused(missing: Int) throws {
        let archive = ZipWriter.archive([.file("a.txt", Self.text(400)), .file("b.txt", Self.text(400, seed: 3))])
        #expect(try refusal(archive.prefix(archive.count - missing)) != nil)
    }

    @Test func anArchiveWithBytesCutFromTheMiddleIsRefused() throws {
        var archive = ZipWriter.archive([.file("a.txt", Self.text(400)), .file("b.txt", Self.text(400, seed: 3))])
        archive.removeSubrange(100..<120)
        try expectRefusal(archive, saying: "offsets do not match the file")
    }

    @Test func aFIFOGivenAsTheArchiveIsRefusedWithoutBlocking() throws {
        let folder = TestFolder()
        let path = folder.path("bundle.zip")
        #expect(mkfifo(path.path, 0o600) == 0)
        let error = #expect(throws: InputError.self) { try ZipExtractor(limits: Policy.defaults.evidence).extract(path) }
        #expect(error?.problem.contains("is not a regular file") == true, "\(error?.description ?? "")")
    }

    // MARK: Names

    @Test(arguments: [[ "dup", "dup/inner"], ["dup/inner", "dup"], ["dup/", "dup"], ["dup", "dup/"]])
    func aNameThatIsBothFileAndFolderIsRefused(names: [String]) throws {
        let entries = names.map { $0.hasSuffix("/") ? ZipWriter.Entry.folder($0) : .file($0, Data("x".utf8)) }
        try expectRefusal(ZipWriter.archive(entries), saying: "entry \"dup\" is both a file and a folder")
    }

    @Test(arguments: ["a.txt", "a/"])
    func aNameListedTwiceIsRefused(name: String) throws {
        let entry = name.hasSuffix("/") ? ZipWriter.Entry.folder(name) : .file(name, Data("x".utf8))
        try expectRefusal(ZipWriter.archive([entry, entry]), saying: "entry \"\(name)\" appears twice")
    }

    @Test(arguments: [("\u{1B}[2J", "\\x1B[2J"), ("\r", "\\r"), ("\u{0}", "\\x00"), ("\u{9B}", "\\x9B")])
    func controlCharactersInNamesAreEscapedInTheMessage(character: String, escaped: String) throws {
        var entry = ZipWriter.Entry.file("evil\(character)name.txt", Data("x".utf8))
        entry.headers { $0.crc32 ^= 1 }
        let error = try refusal(ZipWriter.archive([entry]))
        #expect(error?.problem.contains("\"evil\(escaped)name.txt\"") == true, "\(error?.description ?? "")")
        #expect(error?.description.unicodeScalars.contains { $0.properties.generalCategory == .control } == false)
    }

    @Test func aBidirectionalOverrideInANameIsEscapedInTheMessage() throws {
        var entry = ZipWriter.Entry.file("report\u{202E}fdp.exe", Data("x".utf8))
        entry.headers { $0.crc32 ^= 1 }
        let error = try refusal(ZipWriter.archive([entry]))
        #expect(error?.problem.contains("\"report\\u{202E}fdp.exe\" fails its CRC-32 check") == true, "\(error?.description ?? "")")
    }

    @Test func aNameThatIsNotUTF8IsRefusedAndShownByteByByte() throws {
        let error = try refusal(ZipWriter.archive([.file(bytes: [0x61, 0xFF, 0x1B, 0x2E], Data("x".utf8))]))
        #expect(error?.problem == "entry \"a\\xFF\\x1B.\" is not valid UTF-8; refused", "\(error?.description ?? "")")
    }

    @Test func aLongNameIsCutInTheMessage() throws {
        let name = String(repeating: "a", count: 5000)
        let error = try refusal(ZipWriter.archive([.file(name, Data("x".utf8))]))
        #expect(error?.problem.contains("name longer than 1024 bytes") == true, "\(error?.description ?? "")")
        #expect((error?.description.count ?? .max) < 300)
    }

    @Test func aNameNestedTooDeepIsRefused() throws {
        let name = Array(repeating: "a", count: ZipEntryName.maximumDepth + 1).joined(separator: "/") + "/f.txt"
        try expectRefusal(ZipWriter.archive([.file(name, Data("x".utf8))]), saying: "is nested more than 8 folders deep")
    }

    @Test(arguments: [(6, true), (5, false)])
    func foldersImpliedByNamesCountAsEntries(limit: Int, unpacks: Bool) throws {
        // One listed folder, four files, and one folder ("a/b") only their names imply: six items to make.
        let archive = ZipWriter.archive([.folder("a/")] + (1...4).map { .file("a/b/f\($0).txt", Data("x".utf8)) })
        var limits = Policy.defaults.evidence
        limits.maximumZipEntries = limit
        let folder = TestFolder()
        let url = try folder.write(archive, to: "folders.zip")
        if unpacks {
            _ = try ZipExtractor(limits: limits).extract(url)
        } else {
            let error = #expect(throws: InputError.self) { try ZipExtractor(limits: limits).extract(url) }
            #expect(error?.problem == "has more than 5 entries (counting the folders its names imply); refused")
        }
    }

    // MARK: Honest archives

    @Test(arguments: [true, false])
    func storedAndDeflatedEntriesUnpackToTheirBytes(stored: Bool) throws {
        let files = ["manifest.json": Self.text(100), "staff/users.csv": Self.text(200_000, seed: 5), "empty.txt": Data()]
        let entries = [ZipWriter.Entry.folder("staff/")] + files.keys.sorted().map { ZipWriter.Entry.file($0, files[$0]!, stored: stored) }
        #expect(try unpacked(ZipWriter.archive(entries)) == files)
    }

    @Test func dataDescriptorsAreRead() throws {
        let content = Self.text(3000)
        var entry = ZipWriter.Entry.file("a.txt", content)
        entry.headers { $0.flags |= 0x08 }
        entry.local.crc32 = 0
        entry.local.compressedSize = 0
        entry.local.uncompressedSize = 0
        entry.trailer.append(little: UInt32(0x0807_4b50))
        entry.trailer.append(little: entry.central.crc32)
        entry.trailer.append(little: entry.central.compressedSize)
        entry.trailer.append(little: entry.central.uncompressedSize)
        #expect(try unpacked(ZipWriter.archive([entry])) == ["a.txt": content])
    }

    @Test func aHighlyCompressedEntryBelowTheFloorIsRead() throws {
        let zeros = Data(count: 512 << 10)
        #expect(try unpacked(ZipWriter.archive([.file("zeros.bin", zeros)])) == ["zeros.bin": zeros])
    }

    @Test func theReaderUnpacksFromADescriptorAndLeavesItOpen() throws {
        let folder = TestFolder()
        let url = try folder.write(ZipWriter.archive([.file("a/b.txt", Data("hello".utf8))]), to: "in.zip")
        let destination = folder.path("out")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
        let descriptor = open(url.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        try ZipReader(limits: Policy.defaults.evidence).extract(descriptor: descriptor, name: "in.zip", into: destination)
        #expect(fcntl(descriptor, F_GETFD) != -1)
        #expect(try Data(contentsOf: destination.appendingPathComponent("a/b.txt")) == Data("hello".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: destination.appendingPathComponent("a/b.txt").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
