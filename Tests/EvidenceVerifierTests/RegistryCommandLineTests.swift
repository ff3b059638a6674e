import Foundation
import Testing

@testable import EvidenceVerifier

/// The registry commands as the steering group and the operator use them: submit, partners, reverify,
/// report diff, backup, with the repository's example bundles and demo report-signing key.
@Suite(.serialized) struct RegistryCommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let certs = repository.appendingPathComponent("certs").path
    static let signing = [
        "--signing-key", repository.appendingPathComponent("certs/demo/report-signer.key.pem").path,
        "--signing-cert", repository.appendingPathComponent("certs/demo/report-signer.pem").path,
    ]

    struct Deployment {
        let folder = TestFolder()
        var data: String { folder.path("data").path }

        func run(_ arguments: [String]) throws -> CLI.Result {
            try CLI.run(arguments + ["--data-dir", data])
        }

        /// A verifying command with the demo trust anchors and signing key, without probes.
        func verifying(_ arguments: [String], asOf: String) throws -> CLI.Result {
            try run(arguments + ["--trust", RegistryCommandLineTests.certs, "--no-probe", "--as-of", asOf] + RegistryCommandLineTests.signing)
        }

        func example(_ name: String) -> String {
            RegistryCommandLineTests.repository.appendingPathComponent("evidence/\(name)").path
        }

        /// A copy of the eligible example naming another organisation (its manifest signature no longer matches).
        func bundle(as odsCode: String) throws -> String {
            let copy = folder.path("bundle-\(odsCode)")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: example("eligible")), to: copy)
            let manifest = copy.appendingPathComponent("manifest.json")
            try Data(try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "\"B86001\"", with: "\"\(odsCode)\"").utf8)
                .write(to: manifest)
            return copy.path
        }

        func reports() -> [String] {
            let root = folder.path("data/reports").path
            return ((FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        }

        /// Every recorded verification's report path and SHA-256, read with Python's sqlite3 (an independent reader).
        func recordedReports() throws -> [(path: String, sha256: String)] {
            let script = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print(p, h) for p, h in c.execute('SELECT reportPath, reportSha256 FROM verification')]"
            let output = try RegistryCommandLineTests.python(["-c", script, folder.path("data/registry.sqlite").path])
            return output.split(separator: "\n").map { line in
                let parts = line.split(separator: " ")
                return (String(parts[0]), String(parts[1]))
            }
        }
    }

    func expectOneLine(_ result: CLI.Result, status: Int32 = 2, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test("Submit, approve, list, show, re-verify, lapse, waive, pause intake, resubmit, diff: the steering group's year")
    func steeringGroupScenario() throws {
        let deployment = Deployment()
        let submitted = try deployment.verifying(["submit", deployment.example("eligible")], asOf: "2026-04-01T12:00:00Z")
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(submitted.stdout.contains("B86001: submission 1 recorded"))
        let isa = try deployment.folder.write("signed ISA", to: "isa.pdf")
        let approved = try deployment.run(["partners", "approve", "B86001", "--access", "read-only", "--isa", isa.path, "--by", "IG steering group"])
        #expect(approved.status == 0, "\(approved.stderr)")
        let listed = try deployment.run(["partners", "list"])
        #expect(listed.stdout.contains("B86001  approved  read-only  eligible  2026-06-30T23:00:00Z  Example Medical Practice"), "\(listed.stdout)")
        let shown = try deployment.run(["partners", "show", "B86001", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect((json["partner"] as? [String: Any])?["status"] as? String == "approved")

        let stillEligible = try deployment.verifying(["reverify"], asOf: "2026-04-05T02:00:00Z")
        #expect(stillEligible.status == 0, "\(stillEligible.stderr)")
        #expect(stillEligible.stdout.hasPrefix("B86001  eligible → eligible\n"))
        #expect(stillEligible.stdout.contains("1 partner(s) re-verified as of 2026-04-05T02:00:00Z: 1 eligible, 0 not eligible"))

        let trainingLapsed = try deployment.verifying(["reverify", "--all"], asOf: "2026-12-23T12:00:00Z")
        #expect(trainingLapsed.status == 1)
        #expect(trainingLapsed.stdout.contains("B86001  eligible → not-eligible  (changed)"))
        #expect(trainingLapsed.stdout.contains("ig-training/training."), "\(trainingLapsed.stdout)")

        let dsptLapsed = try deployment.verifying(["reverify", "B86001"], asOf: "2026-07-05T12:00:00Z")
        #expect(dsptLapsed.status == 1)
        #expect(dsptLapsed.stdout.hasPrefix("B86001  not-eligible → not-eligible; removed ig-training/"), "\(dsptLapsed.stdout)")
        let waived = try deployment.run([
            "partners", "waive", "B86001", "--code", "dspt.not-current", "--until", "2026-07-31", "--reason", "late DSPT agreed", "--by", "Chair",
        ])
        #expect(waived.status == 0, "\(waived.stderr)")
        let eligibleAgain = try deployment.verifying(["reverify", "B86001"], asOf: "2026-07-05T12:00:00Z")
        #expect(eligibleAgain.status == 0, "\(eligibleAgain.stdout)")
        #expect(eligibleAgain.stdout.contains("not-eligible → eligible  (changed); now waived dspt/dspt.not-current"))
        let waiverLapsed = try deployment.verifying(["reverify", "B86001", "--format", "json"], asOf: "2026-08-01T12:00:00Z")
        #expect(waiverLapsed.status == 1)
        let revoked = try deployment.run(["partners", "revoke-waiver", "B86001", "--code", "dspt.not-current", "--reason", "plan dropped", "--by", "Chair"])
        #expect(revoked.stdout == "B86001: 1 waiver(s) of dspt.not-current revoked by Chair\n")
        let revokedRun = try deployment.verifying(["reverify", "B86001"], asOf: "2026-07-05T12:00:00Z")
        #expect(revokedRun.status == 1)
        expectOneLine(
            try deployment.run(["partners", "revoke-waiver", "B86001", "--code", "dspt.not-current", "--reason", "again", "--by", "Chair"]),
            mentioning: "B86001: has no unrevoked waiver of dspt.not-current")

        let policy = try deployment.folder.write(
            #"{"intake": {"acceptingNewApplications": false, "pausedMessage": "paused for the ICB transition"}}"#, to: "paused.json")
        let newcomer = try deployment.verifying(["submit", try deployment.bundle(as: "RR8"), "--policy", policy.path], asOf: "2026-04-01T12:00:00Z")
        expectOneLine(newcomer, mentioning: "RR8: paused for the ICB transition")
        let partnerAgain = try deployment.verifying(["submit", deployment.example("eligible"), "--policy", policy.path], asOf: "2026-04-02T12:00:00Z")
        #expect(partnerAgain.status == 0, "\(partnerAgain.stderr)")
        #expect(partnerAgain.stdout.contains("already recorded (same bytes)"))

        let reports = deployment.reports()
        #expect(reports.count == 8)
        let recorded = try deployment.recordedReports()
        #expect(recorded.map(\.path).sorted() == reports.map { "reports/" + $0 })
        for report in reports {
            #expect(FileManager.default.fileExists(atPath: deployment.folder.path("data/reports/\(report).p7s").path))
        }
        let first = deployment.folder.path("data/reports/B86001/B86001-20260405T020000Z.json").path
        let verified = try CLI.run(["report", "verify", first, "--trust", Self.certs, "--as-of", "2026-04-05T02:00:00Z"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        let diff = try CLI.run(["report", "diff", first, deployment.folder.path("data/reports/B86001/B86001-20260705T120000Z.json").path])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("decision: eligible → not-eligible  (regression)"))
        let history = try deployment.run(["partners", "history", "B86001"])
        #expect(history.stdout.contains("approved (applicant → approved) by IG steering group"))
        #expect(history.stdout.contains("waived by Chair: dspt.not-current: late DSPT agreed"))
        #expect(history.stdout.contains("waiver-revoked by Chair: dspt.not-current: plan dropped"))
        let backup = try deployment.run(["backup", "--out", deployment.folder.path("backup.sqlite").path])
        #expect(backup.status == 0)
        let again = try deployment.run(["backup", "--out", deployment.folder.path("backup.sqlite").path])
        expectOneLine(again, mentioning: "backup.sqlite: already exists; refused")
    }

    @Test("A registry file that is not ours is refused with one line and left byte-identical")
    func refusesForeignRegistry() throws {
        let deployment = Deployment()
        let file = try deployment.folder.write(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) }), to: "data/registry.sqlite")
        let before = try Data(contentsOf: file)
        let listed = try deployment.run(["partners", "list"])
        expectOneLine(listed, mentioning: "registry.sqlite: is not an lcr-verify registry; refused")
        #expect(try Data(contentsOf: file) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: deployment.data) == ["registry.sqlite"])
    }

    @Test("A second reverify while one holds the writer lock says so (at once, or after --wait)")
    func secondRunIsRefused() throws {
        let deployment = Deployment()
        #expect(try deployment.verifying(["submit", deployment.example("eligible")], asOf: "2026-04-01T12:00:00Z").status == 0)
        let lock = open(deployment.folder.path("data/writer.lock").path, O_RDWR | O_CREAT, 0o600)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        expectOneLine(try deployment.verifying(["reverify"], asOf: "2026-04-05T02:00:00Z"), mentioning: "another lcr-verify run holds the registry's writer lock")
        expectOneLine(try deployment.verifying(["reverify", "--wait", "1"], asOf: "2026-04-05T02:00:00Z"), mentioning: "still holds the registry's writer lock after 1 s")
        #expect(deployment.reports().count == 1)
        flock(lock, LOCK_UN)
        #expect(try deployment.verifying(["reverify"], asOf: "2026-04-05T02:00:00Z").status == 0)
    }

    @Test("A reverify killed half-way (SIGKILL) leaves whole batches recorded, each row with its whole report, and the next run completes")
    func killedRunLeavesRegistryConsistent() throws {
        let deployment = Deployment()
        let count = 96  // one batch of 64 and a second of 32: the kill lands after the first is recorded, well before the second
        for index in 0..<count {
            let result = try deployment.verifying(["submit", try deployment.bundle(as: "K\(index)")], asOf: "2026-04-01T12:00:00Z")
            #expect(result.status == 1, "\(result.stderr)")  // the edited manifest no longer matches its signature
        }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["reverify", "--data-dir", deployment.data, "--trust", Self.certs, "--no-probe", "--as-of", "2026-05-01T00:00:00Z"] + Self.signing
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Report 66 is filed only after the first batch of 64 was flushed and recorded.
        var waited = 0
        while deployment.reports().filter({ $0.contains("20260501T000000Z") }).count < 66 && process.isRunning && waited < 60_000 {
            usleep(1_000)
            waited += 1
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let recorded = try deployment.recordedReports()
        let thisRun = recorded.filter { $0.path.contains("20260501T000000Z") }.count
        #expect(thisRun == 64, "killed with \(thisRun) of \(count) recorded: expected exactly the first batch")
        for (path, sha256) in recorded {
            let bytes = try Data(contentsOf: deployment.folder.path("data/\(path)"))
            #expect(SHA256Digest.hex(of: bytes) == sha256, "\(path)")
            #expect(FileManager.default.fileExists(atPath: deployment.folder.path("data/\(path).p7s").path))
        }
        let evidence = deployment.folder.path("data/evidence/sha256").path
        for file in (FileManager.default.enumerator(atPath: evidence)?.allObjects as? [String] ?? []) where file.hasSuffix(".zip") {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: evidence + "/" + file))
            #expect(SHA256Digest.hex(of: bytes) + ".zip" == URL(fileURLWithPath: file).lastPathComponent)
        }
        let next = try deployment.verifying(["reverify"], asOf: "2026-05-01T00:00:00Z")
        #expect(next.status == 1, "\(next.stderr)")
        #expect(next.stdout.contains("\(count) partner(s) re-verified"))
        #expect(try deployment.recordedReports().filter { $0.path.contains("20260501T000000Z") }.count == 64 + count)
    }

    static func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}

extension RegistryCommandLineTests {
    @Test("Suspension and withdrawal are recorded with who and why; a withdrawn partner is no longer re-verified; the lifecycle refuses the rest")
    func suspendAndWithdraw() throws {
        let deployment = Deployment()
        #expect(try deployment.verifying(["submit", deployment.example("eligible")], asOf: "2026-04-01T12:00:00Z").status == 0)
        expectOneLine(
            try deployment.run(["partners", "suspend", "B86001", "--reason", "training lapsed", "--by", "Chair"]),
            mentioning: "B86001: is applicant; it cannot become suspended")
        let isa = try deployment.folder.write("ISA", to: "isa.pdf")
        #expect(try deployment.run(["partners", "approve", "B86001", "--access", "write", "--isa", isa.path, "--by", "Chair"]).status == 0)
        #expect(try deployment.run(["partners", "suspend", "b86001", "--reason", "training lapsed", "--by", "Chair"]).status == 0)
        #expect(try deployment.run(["partners", "withdraw", "B86001", "--reason", "left the LCR", "--by", "Chair"]).status == 0)
        let history = try deployment.run(["partners", "history", "B86001", "--format", "json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(events.compactMap { $0["kind"] as? String } == ["submission", "verification", "approved", "suspended", "withdrawn"])
        let rerun = try deployment.verifying(["reverify"], asOf: "2026-04-05T02:00:00Z")
        #expect(rerun.status == 0)
        #expect(rerun.stdout.hasPrefix("0 partner(s) re-verified"))
        expectOneLine(try deployment.run(["partners", "show", "RR8"]), mentioning: "RR8: is not a partner or applicant in the registry")
    }
}
