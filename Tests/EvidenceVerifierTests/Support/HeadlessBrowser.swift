import Foundation

/// Debian's Chromium, run headless to read a page as a browser renders it (`--dump-dom`) and to take
/// a screenshot. Each run gets its own profile folder and is bounded: `timeout` kills Chromium's whole
/// process group when it overruns, so a hung browser cannot hold a test.
struct HeadlessBrowser: Sendable {
    /// The most seconds one Chromium run may take before it is killed.
    static let timeoutSeconds = 30

    let executable: URL

    /// Chromium when it is on the PATH or can be installed now (as root, with `apt-get`, once per
    /// test run); nil when it cannot be had, and then `unavailableReason` says why.
    static let shared: HeadlessBrowser? = find() ?? (install() ? find() : nil)

    static var unavailableReason: String {
        "SKIPPED: headless Chromium is not installed and could not be installed with apt-get (run scripts/setup.sh as root)"
    }

    private static let names = ["chromium", "chromium-browser"]

    private static func find() -> HeadlessBrowser? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in names {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return HeadlessBrowser(executable: candidate) }
            }
        }
        return nil
    }

    /// `apt-get install chromium` (with the fonts the report page names), as scripts/setup.sh does.
    private static func install() -> Bool {
        guard getuid() == 0 else { return false }
        FileHandle.standardError.write(Data("HeadlessBrowser: chromium is missing; installing it with apt-get\n".utf8))
        for arguments in [["update", "-qq"], ["install", "-y", "-qq", "chromium", "fonts-dejavu-core"]] {
            guard let status = try? run("/usr/bin/apt-get", arguments, environment: ["DEBIAN_FRONTEND": "noninteractive"]),
                  status == 0 else { return false }
        }
        return true
    }

    /// The DOM after Chromium loaded and laid out `page` (a local HTML file), serialised as HTML.
    func dumpDOM(_ page: URL) throws -> String {
        let folder = TestFolder()
        let output = folder.path("dom.html")
        let status = try run(["--dump-dom", page.absoluteString], profile: folder.path("profile"), stdout: output)
        guard status == 0 else { throw BrowserError.failed(status, "--dump-dom \(page.lastPathComponent)") }
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// A PNG of `page` as shown in a `width`×`height` window (1240×1754 is A4 at 150 dpi).
    func screenshot(_ page: URL, to png: URL, width: Int = 1240, height: Int = 1754) throws {
        let folder = TestFolder()
        let status = try run(
            ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString],
            profile: folder.path("profile"), stdout: folder.path("stdout"))
        guard status == 0, FileManager.default.fileExists(atPath: png.path) else {
            throw BrowserError.failed(status, "--screenshot \(page.lastPathComponent)")
        }
    }

    private func run(_ arguments: [String], profile: URL, stdout: URL) throws -> Int32 {
        let flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--user-data-dir=\(profile.path)",
        ]
        return try Self.run(
            "/usr/bin/timeout", ["--kill-after=5", "\(Self.timeoutSeconds)", executable.path] + flags + arguments,
            stdout: stdout)
    }

    /// Runs a program with no input, its output to `stdout` (or discarded) and its errors discarded.
    private static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:], stdout: URL? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let stdout {
            guard FileManager.default.createFile(atPath: stdout.path, contents: nil) else { throw BrowserError.failed(-1, "cannot create \(stdout.path)") }
            process.standardOutput = try FileHandle(forWritingTo: stdout)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    enum BrowserError: Error, CustomStringConvertible {
        case failed(Int32, String)

        var description: String {
            switch self {
            case .failed(let status, let what): "chromium \(what) failed with status \(status) (124 or 137: killed after \(HeadlessBrowser.timeoutSeconds) s)"
            }
        }
    }
}
