import Foundation
import Testing
@testable import EvidenceVerifier

/// Archives made by other tools (Info-ZIP's `zip`, Python's `zipfile`) unpack to exactly the files zipped.
@Suite struct ZipInteroperabilityTests {
    static let zipCommand = "/usr/bin/zip"
    static var hasZipCommand: Bool { FileManager.default.isExecutableFile(atPath: zipCommand) }
    static var hasPython: Bool { (try? run("/usr/bin/env", ["python3", "-c", "import zipfile"], in: nil).status) == 0 }

    /// Runs `executable` and returns its exit status and standard output.
    static func run(_ executable: String, _ arguments: [String], in folder: URL?) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// The files of a small bundle-like folder: text, a larger compressible file in a subfolder, an empty file, random bytes.
    static let files: [String: Data] = [
        "manifest.json": Data(#"{"bundle": "example"}"#.utf8),
        "staff/users.csv": Data(String(repeating: "alice@nhs.net,Alice,2026-01-01\n", count: 5000).utf8),
        "staff/empty.txt": Data(),
        "random.bin": ZipReaderTests.text(70_000, seed: 11),
    ]

    func source() throws -> TestFolder {
        let folder = TestFolder()
        for (path, data) in Self.files { try folder.write(data, to: "in/\(path)") }
        return folder
    }

    func unpack(_ archive: URL) throws -> [String: Data] {
        let (storage, root) = try ZipExtractor(limits: Policy.defaults.evidence).extract(archive)
        #expect(root == storage.url)
        var contents: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: storage.url.path)!.compactMap({ $0 as? String }) {
            let url = storage.url.appendingPathComponent(path)
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                contents[path] = try Data(contentsOf: url)
            }
        }
        return contents
    }

    @Test(.enabled(if: hasZipCommand), arguments: [["-q"], ["-q", "-0"]])
    func archivesMadeByInfoZIPAreRead(options: [String]) throws {
        let folder = try source()
        let archive = folder.path("bundle.zip")
        let result = try Self.run(Self.zipCommand, options + ["-r", "-X", archive.path, "."], in: folder.path("in"))
        #expect(result.status == 0)
        #expect(try unpack(archive) == Self.files)
    }

    @Test(.enabled(if: hasPython), arguments: [false, true])
    func archivesMadeByPythonAreRead(streamed: Bool) throws {
        let folder = try source()
        let archive = folder.path("bundle.zip")
        // Written to a pipe, zipfile cannot seek back and puts sizes in data descriptors after each entry.
        let script = """
            import os, sys, zipfile
            out = sys.stdout.buffer if sys.argv[2] == "pipe" else open(sys.argv[3], "wb")
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
                for root, _, names in sorted(os.walk(sys.argv[1])):
                    for name in sorted(names):
                        path = os.path.join(root, name)
                        z.write(path, os.path.relpath(path, sys.argv[1]))
            """
        let result = try Self.run("/usr/bin/env", [
            "python3", "-c", script, folder.path("in").path, streamed ? "pipe" : "file", archive.path,
        ], in: nil)
        #expect(result.status == 0)
        if streamed { try result.output.write(to: archive) }
        #expect(try unpack(archive) == Self.files)
        let bytes = try Data(contentsOf: archive)
        let generalPurposeFlags = UInt16(bytes[6]) | UInt16(bytes[7]) << 8
        #expect((generalPurposeFlags & 0x08 != 0) == streamed)
    }
}
