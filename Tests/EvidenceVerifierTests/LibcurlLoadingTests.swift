import Foundation
import Testing

/// libcurl is loaded on the first transfer, not linked: a command that never transfers never maps it (nor the
/// libraries it needs), one that probes does, and when `libcurl.so.4` cannot be loaded (missing, not a library,
/// lacking a function) every transfer fails with the loader's reason: a probe is a failed endpoint, an upload
/// exits 2, never a pass. Runs the built executable under glibc's `LD_DEBUG=libs`, which lists on stderr every
/// library the process looks for and every one it initialises.
@Suite struct LibcurlLoadingTests {
    static let repository = ExampleBundleTests.repository
    static let asOf = "2026-04-01T12:00:00Z"

    /// The file names of the libraries the process searched for or initialised, from `LD_DEBUG=libs` output.
    static func librariesLoaded(_ stderr: String) -> Set<String> {
        var names: Set<String> = []
        for line in stderr.split(separator: "\n") {
            if let found = line.range(of: "find library=") {
                names.insert(String(line[found.upperBound...].prefix { $0 != " " && $0 != "\t" }))
            } else if let initialised = line.range(of: "calling init: ") {
                names.insert(URL(fileURLWithPath: String(line[initialised.upperBound...])).lastPathComponent)
            }
        }
        return names
    }

    static func expectNoLibcurl(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        let libraries = librariesLoaded(result.stderr)
        // The executable links OpenSSL: seeing it proves LD_DEBUG reported what was loaded.
        #expect(libraries.contains("libssl.so.3"), "no LD_DEBUG library list on stderr", sourceLocation: sourceLocation)
        #expect(libraries.filter { $0.hasPrefix("libcurl") }.isEmpty, "\(libraries.sorted())", sourceLocation: sourceLocation)
    }

    static func run(_ arguments: [String], _ environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(arguments, environment: environment.merging(["LD_DEBUG": "libs"]) { $1 })
    }

    @Test func commandsThatNeverTransferDoNotLoadLibcurl() throws {
        let shown = try Self.run(["policy", "show"])
        #expect(shown.status == 0)
        Self.expectNoLibcurl(shown)

        let checked = try Self.run([
            "check", Self.repository.appendingPathComponent("evidence/eligible").path, "--no-probe",
            "--trust", Self.repository.appendingPathComponent("certs").path, "--as-of", Self.asOf,
        ])
        #expect(checked.reason == .exit && (checked.status == 0 || checked.status == 1), "\(checked.status)")
        #expect(checked.stdout.contains("Decision:"), "\(checked.stdout)")
        Self.expectNoLibcurl(checked)
    }

    @Test(.timeLimit(.minutes(1))) func aProbingCheckLoadsLibcurlAndPasses() throws {
        let live = try LiveExample()
        defer { live.stop() }
        let result = try live.check(asOf: Self.asOf, environment: ["LD_DEBUG": "libs"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(Self.librariesLoaded(result.stderr).contains("libcurl.so.4"))
    }

    /// A folder put first on `LD_LIBRARY_PATH` whose `libcurl.so.4` is not libcurl.
    enum Impostor: CaseIterable {
        /// Not an ELF file: dlopen fails.
        case notALibrary
        /// A real library (the C library, already loaded) without libcurl's functions: dlsym fails.
        case anotherLibrary

        func folder(in parent: TestFolder) throws -> URL {
            let folder = parent.path("impostor")
            let library = folder.appendingPathComponent("libcurl.so.4")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            switch self {
            case .notALibrary:
                try Data("not a shared library\n".utf8).write(to: library)
            case .anotherLibrary:
                try FileManager.default.createSymbolicLink(atPath: library.path, withDestinationPath: try Self.loadedCLibrary())
            }
            return folder
        }

        /// The path of the C library this test process has mapped (`/proc/self/maps` read to its end: the file
        /// reports no size, and the library may come after the first page).
        static func loadedCLibrary() throws -> String {
            let maps = try #require(FileHandle(forReadingAtPath: "/proc/self/maps"), "cannot open /proc/self/maps")
            defer { try? maps.close() }
            let text = String(decoding: try maps.readToEnd() ?? Data(), as: UTF8.self)
            let paths = text.split(separator: "\n").compactMap { line in line.split(separator: " ").last }
            return try #require(paths.first { $0.hasPrefix("/") && $0.hasSuffix("/libc.so.6") }.map(String.init), "libc.so.6 is not mapped")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: Impostor.allCases)
    func withoutLibcurlEveryTransferFailsWithTheLoadersReason(_ impostor: Impostor) throws {
        let folder = TestFolder()
        let environment = ["LD_LIBRARY_PATH": try impostor.folder(in: folder).path]
        let live = try LiveExample()
        defer { live.stop() }
        let probe = ["probe", "https://127.0.0.1:\(live.server.port)/", "--trust", LiveExample.certs.path,
                     "--allow-network", "127.0.0.0/8", "--as-of", Self.asOf, "--format", "json"]

        // The same probe passes with the real libcurl, so the failures below are the loader's.
        let passing = try CLI.run(probe)
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")

        let probed = try CLI.run(probe, environment: environment)
        #expect(probed.status == 1, "\(probed.stdout)\(probed.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(probed.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 1)
        #expect(records.first?["status"] as? String != "ok")
        #expect((records.first?["error"] as? String)?.hasPrefix("libcurl could not be loaded: ") == true, "\(probed.stdout)")

        let checked = try live.check(asOf: Self.asOf, environment: environment)
        #expect(checked.status == 1, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.contains("Decision: NOT ELIGIBLE"), "\(checked.stdout)")
        #expect(checked.stdout.contains("libcurl could not be loaded: "), "\(checked.stdout)")

        let token = try folder.write("not-a-real-token\n", to: "token")
        let uploaded = try CLI.run(
            ["upload", Self.repository.appendingPathComponent("evidence/eligible").path, "--server", "https://127.0.0.1:\(live.server.port)",
             "--token-file", token.path],
            environment: environment)
        #expect(uploaded.status == 2)
        #expect(uploaded.stdout.isEmpty)
        let lines = uploaded.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("libcurl could not be loaded: "), "\(uploaded.stderr)")
    }
}
