import Foundation
import Testing

@testable import EvidenceVerifier

@Suite("Bundle packer")
struct BundlePackerTests {
    @Test("CRC-32 matches the standard check value")
    func crcCheckValue() {
        var crc = CRC32()
        Array("123456789".utf8).withUnsafeBytes { crc.update($0) }
        #expect(crc.value == 0xCBF4_3926)
    }

    @Test("The same folder gives the same zip bytes, whatever the order and times its files were written in")
    func deterministic() throws {
        let folder = TestFolder()
        let files = Self.sampleFiles
        for (path, bytes) in files { try folder.write(Data(bytes), to: "one/\(path)") }
        for (path, bytes) in files.reversed() { try folder.write(Data(bytes), to: "two/\(path)") }
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: folder.path("two/manifest.json").path)
        let first = try BundlePacker().pack(folder: folder.path("one"), to: folder.path("one.zip"))
        let again = try BundlePacker().pack(folder: folder.path("one"), to: folder.path("again.zip"))
        let second = try BundlePacker().pack(folder: folder.path("two"), to: folder.path("two.zip"))
        #expect(first == again && first == second && first.entries == files.count)
        let bytes = try Data(contentsOf: folder.path("one.zip"))
        #expect(Int64(bytes.count) == first.bytes)
        #expect(try Data(contentsOf: folder.path("again.zip")) == bytes)
        #expect(try Data(contentsOf: folder.path("two.zip")) == bytes)
    }

    @Test("Python's zipfile reads every entry: stored, UTF-8 names sorted by bytes, 1980-01-01, CRCs right, contents equal")
    func readableByPython() throws {
        let folder = TestFolder()
        for (path, bytes) in Self.sampleFiles { try folder.write(Data(bytes), to: "bundle/\(path)") }
        _ = try BundlePacker().pack(folder: folder.path("bundle"), to: folder.path("bundle.zip"))
        #expect(try Self.python(["-m", "zipfile", "-t", folder.path("bundle.zip").path]).status == 0)
        let script = """
            import sys, zipfile, json
            z = zipfile.ZipFile(sys.argv[1])
            print(json.dumps([[i.filename, i.compress_type, list(i.date_time), i.flag_bits, z.read(i).hex()] for i in z.infolist()]))
            """
        let listing = try Self.python(["-c", script, folder.path("bundle.zip").path])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(listing.output.utf8)) as? [[Any]])
        let expected = Self.sampleFiles.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        #expect(entries.map { $0[0] as? String } == expected.map(\.0))
        for (entry, (_, bytes)) in zip(entries, expected) {
            #expect(entry[1] as? Int == 0)
            #expect(entry[2] as? [Int] == [1980, 1, 1, 0, 0, 0])
            #expect(entry[3] as? Int == 0x800)
            #expect(entry[4] as? String == bytes.map { String(format: "%02x", $0) }.joined())
        }
        #expect(try Self.run("/usr/bin/unzip", ["-tqq", folder.path("bundle.zip").path]).status == 0)
    }

    @Test("A symbolic link anywhere in the folder is refused with one line naming it, and no zip is written")
    func refusesLink() throws {
        let folder = TestFolder()
        try folder.write("{}", to: "bundle/manifest.json")
        try folder.write("secret", to: "outside.txt")
        try FileManager.default.createDirectory(at: folder.path("bundle/dspt"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.path("bundle/dspt/assessment.csv"), withDestinationURL: folder.path("outside.txt"))
        #expect(throws: InputError(folder.path("bundle").path + "/dspt/assessment.csv",
                                   "is a symbolic link; a bundle folder may hold only plain files and folders")) {
            try BundlePacker().pack(folder: folder.path("bundle"), to: folder.path("bundle.zip"))
        }
        #expect(Self.contents(of: folder.url) == ["bundle", "outside.txt"])
    }

    @Test("A FIFO or a socket in the folder is refused without blocking, and no zip is written")
    func refusesSpecialFiles() throws {
        let folder = TestFolder()
        try folder.write("{}", to: "bundle/manifest.json")
        #expect(mkfifo(folder.path("bundle/pipe").path, 0o600) == 0)
        #expect(throws: InputError(folder.path("bundle").path + "/pipe", "is not a regular file (a FIFO, socket or device); refused")) {
            try BundlePacker().pack(folder: folder.path("bundle"), to: folder.path("bundle.zip"))
        }
        unlink(folder.path("bundle/pipe").path)
        let socketPath = folder.path("bundle/socket").path
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        #expect(throws: InputError(socketPath, "is not a regular file (a FIFO, socket or device); refused")) {
            try BundlePacker().pack(folder: folder.path("bundle"), to: folder.path("bundle.zip"))
        }
        #expect(Self.contents(of: folder.url) == ["bundle"])
    }

    @Test("An output inside the folder is refused; a failed pack leaves an existing output untouched")
    func refusesOutputInsideAndKeepsOldOutput() throws {
        let folder = TestFolder()
        try folder.write("{}", to: "bundle/manifest.json")
        #expect(throws: InputError.self) { try BundlePacker().pack(folder: folder.path("bundle"), to: folder.path("bundle/self.zip")) }
        try folder.write("previous", to: "bundle.zip")
        try FileManager.default.createSymbolicLink(at: folder.path("bundle/link"), withDestinationURL: folder.path("bundle.zip"))
        #expect(throws: InputError.self) { try BundlePacker().pack(folder: folder.path("bundle"), to: folder.path("bundle.zip")) }
        #expect(try String(contentsOf: folder.path("bundle.zip"), encoding: .utf8) == "previous")
        #expect(Self.contents(of: folder.url) == ["bundle", "bundle.zip"])
    }

    @Test("A zip without ZIP64 holds at most 65,535 entries; the next one is refused")
    func refusesTooManyEntries() throws {
        let folder = TestFolder()
        let descriptor = open(folder.path("many.zip").path, O_RDWR | O_CREAT, 0o600)
        defer { close(descriptor) }
        var writer = StoredZipWriter(descriptor: descriptor, outputName: "many.zip")
        for index in 0..<StoredZipWriter.maximumEntries {
            try writer.beginEntry(named: Array("\(index)".utf8))
            try writer.finishEntry()
        }
        #expect(throws: InputError("many.zip", "would hold more than the 65535 entries a zip without ZIP64 can list")) {
            try writer.beginEntry(named: Array("one too many".utf8))
        }
    }

    /// Paths chosen so that byte order differs from other orders: upper case before lower, "-" before "/".
    static let sampleFiles: [(String, [UInt8])] = [
        ("manifest.json", Array("{\"format\":\"lcr-evidence/1\"}".utf8)),
        ("manifest.json.p7s", [0x30, 0x82, 0x01, 0x00]),
        ("dspt/assessment.csv", Array("Code,Status\nB86001,Standards Met\n".utf8)),
        ("dspt-notes.txt", Array("notes".utf8)),
        ("Zeta.txt", []),
        ("staff/lcr-users.csv", (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }),
        ("café/ünïcode.txt", Array("é".utf8)),
    ]

    static func contents(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try run("/usr/bin/env", ["python3"] + arguments)
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
