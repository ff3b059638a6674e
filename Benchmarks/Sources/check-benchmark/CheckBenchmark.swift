import BenchmarkSupport
import EvidenceVerifier
import Foundation

/// Times `lcr-verify check` end to end (a child process per run, its peak memory from `wait4`) on
/// generated 1,000,000-row bundles, beside, in the same run: a plain Python `csv`-module script applying
/// the same rules, `openssl dgst -sha256` of the same file (the floor any verifier that hashes it pays),
/// and optionally an older `lcr-verify` build (`--baseline-cli`), whose JSON report must be the same
/// bytes apart from `generatedAt`.
///
///     check-benchmark [--cli PATH] [--baseline-cli PATH] [--rows N] [--repeat N]
///     check-benchmark generate FOLDER [--rows N]     # the bundles only, to profile or keep
///     check-benchmark profile BUNDLE [RUNS]          # verify in this process (for valgrind --tool=callgrind)
@main
enum CheckBenchmark {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let asOfText = "2026-04-01T12:00:00Z"
    static let asOf = Date(timeIntervalSince1970: 1_775_044_800)

    /// The three bundles: name, training rows, distinct staff, user-list rows, and the targets.
    struct Scenario {
        let name: String
        let trainingRows: Int
        let staff: Int
        let userRows: Int?
        let minimumMBps: Double?
        let maximumSeconds: Double?
        let maximumRSS: Double
        let minimumSpeedUp: Double?

        /// The file whose size the MB/s figure divides.
        var measuredFile: String { trainingRows > 0 ? "training/ig-training.csv" : "staff/lcr-users.csv" }
    }

    static func scenarios(rows: Int) -> [Scenario] {
        [
            Scenario(name: "training, \(rows) rows, 1 per person", trainingRows: rows, staff: rows, userRows: nil,
                     minimumMBps: 300, maximumSeconds: nil, maximumRSS: 100, minimumSpeedUp: 6),
            Scenario(name: "training, \(rows) rows, 50 per person", trainingRows: rows, staff: max(rows / 50, 1), userRows: nil,
                     minimumMBps: 500, maximumSeconds: nil, maximumRSS: 40, minimumSpeedUp: nil),
            Scenario(name: "user list, \(rows) rows", trainingRows: 0, staff: rows, userRows: rows,
                     minimumMBps: nil, maximumSeconds: 1, maximumRSS: 150, minimumSpeedUp: nil),
        ]
    }

    /// Synchronous, so valgrind can follow it: an `async` main turns the main thread into
    /// libdispatch's signal thread, which valgrind 3.19 cannot run.
    static func main() {
        do {
            try run()
        } catch {
            FileHandle.standardError.write(Data("check-benchmark: \(error)\nusage: check-benchmark [--cli PATH] [--baseline-cli PATH] [--rows N] [--repeat N] | generate FOLDER [--rows N] | profile BUNDLE [RUNS]\n".utf8))
            exit(2)
        }
    }

    private static func run() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(index...(index + 1)) }
            return arguments[index + 1]
        }
        let rows = option("--rows").flatMap(Int.init) ?? 1_000_000
        let repeats = option("--repeat").flatMap(Int.init) ?? 3
        let cli = option("--cli") ?? repository.appendingPathComponent(".build/release/lcr-verify").path
        let baseline = option("--baseline-cli")
        switch arguments.first {
        case "generate":
            guard arguments.count == 2 else { throw BenchmarkError("usage: check-benchmark generate FOLDER [--rows N]") }
            let folder = URL(fileURLWithPath: arguments[1], isDirectory: true)
            for (index, scenario) in scenarios(rows: rows).enumerated() {
                let bundle = folder.appendingPathComponent("bundle-\(index + 1)")
                try BundleGenerator(repository: repository).makeBundle(
                    at: bundle, trainingRows: scenario.trainingRows, staff: scenario.staff, userRows: scenario.userRows)
                print("\(bundle.path): \(scenario.name)")
            }
        case "profile":
            guard arguments.count >= 2 else { throw BenchmarkError("usage: check-benchmark profile BUNDLE [RUNS]") }
            let bundle = URL(fileURLWithPath: arguments[1]), runs = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1
            let outcome = Outcome()
            let finished = DispatchSemaphore(value: 0)
            // Detached: a plain Task would inherit the main actor, whose thread waits below.
            Task.detached {
                do { try await profile(bundle, runs: runs) } catch { outcome.error = error }
                finished.signal()
            }
            finished.wait()
            if let error = outcome.error { throw error }
        case nil:
            try run(rows: rows, repeats: repeats, cli: cli, baseline: baseline)
        case let other?:
            throw BenchmarkError("unknown argument \(other)")
        }
    }

    /// How the profiled verification ended, set by its task before the main thread reads it.
    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }

    /// Verifies `bundle` in this process, as `check --no-probe` does, `runs` times.
    static func profile(_ bundle: URL, runs: Int) async throws {
        let certs = repository.appendingPathComponent("certs", isDirectory: true)
        let verification = try BundleVerification(
            policy: .defaults, signerAnchors: try TrustAnchors.load(.signers, from: certs),
            hscnAnchors: try TrustAnchors.load(.hscn, from: certs), probeEndpoints: false)
        for _ in 0..<runs {
            let report = try await verification.verify(bundle, asOf: asOf, generatedAt: asOf)
            print(report.decision, report.prerequisites.map { "\($0.id): \($0.summary)" }.joined(separator: " | "))
        }
    }

    static func run(rows: Int, repeats: Int, cli: String, baseline: String?) throws {
        guard FileManager.default.isExecutableFile(atPath: cli) else {
            throw BenchmarkError("\(cli) is not built: run `swift build -c release` in the repository first, or pass --cli PATH")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("check-benchmark-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let script = work.appendingPathComponent("reference.py")
        try Data(PythonReference.script.utf8).write(to: script)
        print("check-benchmark: lcr-verify check --no-probe --as-of \(asOfText) --format json, best of \(repeats); baselines in the same run")
        print("cli: \(cli)\(baseline.map { "\nbaseline cli: \($0)" } ?? "")")
        var met: [String] = []
        for scenario in scenarios(rows: rows) {
            let bundle = work.appendingPathComponent("bundle")
            try BundleGenerator(repository: repository).makeBundle(
                at: bundle, trainingRows: scenario.trainingRows, staff: scenario.staff, userRows: scenario.userRows)
            let file = bundle.appendingPathComponent(scenario.measuredFile)
            let megabytes = Double((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0) / 1e6
            print("\n\(scenario.name): \(String(format: "%.1f", megabytes)) MB (\(scenario.measuredFile))")

            let arguments = ["check", bundle.path, "--no-probe", "--as-of", asOfText, "--format", "json", "--trust", repository.appendingPathComponent("certs").path]
            let check = try best(of: repeats) { try ChildRun.run(cli, arguments) }
            guard check.exitStatus <= 1 else { throw BenchmarkError("check exited \(check.exitStatus)") }
            line("lcr-verify check", check, megabytes: megabytes)
            var old: ChildRun?
            if let baseline {
                let run = try best(of: repeats) { try ChildRun.run(baseline, arguments) }
                line("baseline lcr-verify check", run, megabytes: megabytes)
                let same = withoutGeneratedAt(run.output) == withoutGeneratedAt(check.output)
                print("    reports (apart from generatedAt): \(same ? "the same bytes" : "DIFFER")")
                guard same else { throw BenchmarkError("the baseline's report differs from this build's") }
                old = run
            }
            let python = try ChildRun.run("python3", [script.path, bundle.path, String(asOf.timeIntervalSince1970)])
            guard python.exitStatus == 0 else { throw BenchmarkError("the Python reference failed") }
            line("python3 csv reference", python, megabytes: megabytes)
            print("    python says: \(python.output.trimmingCharacters(in: .whitespacesAndNewlines))")
            let digest = try best(of: repeats) { try ChildRun.run("openssl", ["dgst", "-sha256", file.path]) }
            line("openssl dgst -sha256 (floor)", digest, megabytes: megabytes)

            let rate = megabytes / check.seconds
            var verdicts: [String] = []
            if let minimum = scenario.minimumMBps { verdicts.append(verdict(rate >= minimum, "\(Int(minimum)) MB/s")) }
            if let maximum = scenario.maximumSeconds { verdicts.append(verdict(check.seconds <= maximum, "\(maximum) s")) }
            verdicts.append(verdict(check.peakResidentMegabytes <= scenario.maximumRSS, "RSS ≤ \(Int(scenario.maximumRSS)) MB"))
            if let minimum = scenario.minimumSpeedUp {
                verdicts.append(verdict(python.seconds / check.seconds >= minimum, "\(Int(minimum))× Python"))
            }
            let against = old.map { String(format: ", %.1f× the baseline build", $0.seconds / check.seconds) } ?? ""
            print(String(format: "    speed-up: %.1f× Python%@; targets: %@", python.seconds / check.seconds, against, verdicts.joined(separator: ", ")))
            met.append(contentsOf: verdicts)
        }
        print("\n\(met.filter { $0.hasPrefix("met") }.count) of \(met.count) targets met")
    }

    static func best(of runs: Int, _ body: () throws -> ChildRun) throws -> ChildRun {
        var fastest = try body()
        for _ in 1..<max(runs, 1) {
            let next = try body()
            if next.seconds < fastest.seconds { fastest = next }
        }
        return fastest
    }

    static func line(_ label: String, _ run: ChildRun, megabytes: Double) {
        print(String(
            format: "  %-30@ %7.3f s  %7.1f MB/s  cpu %6.3f s  peak RSS %6.1f MB",
            label, run.seconds, megabytes / run.seconds, run.cpuSeconds, run.peakResidentMegabytes))
    }

    static func verdict(_ met: Bool, _ target: String) -> String { (met ? "met " : "NOT met ") + target }

    static func withoutGeneratedAt(_ report: String) -> String {
        report.replacingOccurrences(of: #""generatedAt":"[^"]*""#, with: "", options: .regularExpression)
    }
}
