import Foundation
import Testing

@testable import EvidenceVerifier

/// `reference import`, `check --dspt-register/--ods-register`, and `submit`/`reverify` using the latest
/// imported lists, run as the operator runs them, with the committed lists and example bundles.
@Suite(.serialized) struct ReferenceCommandLineTests {
    typealias Deployment = RegistryCommandLineTests.Deployment
    static let lists = ExampleBundleTests.repository.appendingPathComponent("evidence/references")

    static func list(_ name: String) -> String { lists.appendingPathComponent(name).path }

    func report(_ result: CLI.Result) throws -> VerificationReport {
        try ReportCoding.decode(Data(result.stdout.utf8), file: "stdout")
    }

    func expectOneLine(_ result: CLI.Result, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// A copy of the national list in which `odsCode`'s row says `status` instead.
    func nationalList(in deployment: Deployment, with row: String) throws -> String {
        let text = try String(contentsOfFile: Self.list("dspt-national.csv"), encoding: .utf8)
        let code = row.prefix { $0 != "," }
        let lines = text.components(separatedBy: "\r\n").map { $0.hasPrefix("\(code),") ? row : $0 }
        return try deployment.folder.write(Data(lines.joined(separator: "\r\n").utf8), to: "dspt-\(UUID().uuidString).csv").path
    }

    @Test("reference import stores the file under its digest and records it; submit and reverify use the latest list of each kind")
    func importThenSubmitAndReverify() throws {
        let deployment = Deployment()
        let imported = try deployment.run(["reference", "import", "dspt", Self.list("dspt-national.csv"), "--at", "2026-03-30T09:00:00Z", "--format", "json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let dsptSha = SHA256Digest.hex(of: try Data(contentsOf: URL(fileURLWithPath: Self.list("dspt-national.csv"))))
        #expect(imported.stdout.contains(#""kind":"dspt-register""#) && imported.stdout.contains(#""rows":320"#))
        let stored = deployment.folder.path("data/references/dspt-\(dsptSha).csv")
        #expect(try Data(contentsOf: stored) == Data(contentsOf: URL(fileURLWithPath: Self.list("dspt-national.csv"))))
        for file in ["epraccur.csv", "etr.csv"] {
            let result = try deployment.run(["reference", "import", "ods", Self.list(file), "--at", "2026-03-30T09:00:00Z"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("as ods-register \(file.dropLast(4)):"))
        }
        #expect(try deployment.run(["reference", "list"]).stdout.split(separator: "\n").count == 3)

        let submitted = try deployment.verifying(["submit", deployment.example("gp-practice"), "--format", "json"], asOf: "2026-04-01T12:00:00Z")
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let first = try report(submitted)
        #expect(first.references?.map(\.kind) == [.dsptRegister, .odsRegister, .odsRegister])
        #expect(first.references?.first == ReferenceRecord(kind: .dsptRegister, sha256: dsptSha, rows: 320, importedAt: ISOInstant.parse("2026-03-30T09:00:00Z")!))

        // A newer national list says the practice no longer meets the standard: re-verification follows it.
        let newer = try nationalList(in: deployment, with: "B86007,NEWTON GREEN SURGERY,24/25 Standards Not Met,15/06/2025,GP")
        #expect(try deployment.run(["reference", "import", "dspt", newer, "--at", "2026-04-02T09:00:00Z"]).status == 0)
        let reverified = try deployment.verifying(["reverify", "B86007", "--format", "json"], asOf: "2026-04-03T12:00:00Z")
        #expect(reverified.status == 1, "\(reverified.stderr)")
        #expect(reverified.stdout.contains("dspt.register-mismatch"))
        let latest = try #require(deployment.reports().last)
        let second = try ReportCoding.decode(try Data(contentsOf: deployment.folder.path("data/reports/\(latest)")), file: latest)
        let newerSha = SHA256Digest.hex(of: try Data(contentsOf: URL(fileURLWithPath: newer)))
        #expect(second.references?.first?.sha256 == newerSha)
        #expect(second.prerequisite(.dspt).findings.map(\.code) == [.dsptRegisterMismatch])

        // Six weeks on, both lists in use are older than references.maximumAgeDays: warnings name each.
        let later = try deployment.verifying(["reverify", "B86007", "--format", "json"], asOf: "2026-05-15T12:00:00Z")
        #expect(later.status == 1)
        let last = try #require(deployment.reports().last)
        let third = try ReportCoding.decode(try Data(contentsOf: deployment.folder.path("data/reports/\(last)")), file: last)
        #expect(third.prerequisite(.directCare).findings.map(\.code) == [.referenceStale, .referenceStale])
        #expect(third.prerequisite(.dspt).findings.map(\.code).contains(.referenceStale))
    }

    @Test("check takes the lists for one run; its report names them, and a report without them is unchanged")
    func checkWithLists() throws {
        let folder = TestFolder()
        let base = ["check", ExampleBundleTests.repository.appendingPathComponent("evidence/eligible").path, "--trust", RegistryCommandLineTests.certs,
                    "--no-probe", "--as-of", "2026-04-01T12:00:00Z", "--format", "json"]
        let plain = try CLI.run(base)
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("references"))
        let ods = try folder.write(try Data(contentsOf: URL(fileURLWithPath: Self.list("epraccur.csv"))), to: "epraccur.csv")
        try FileManager.default.setAttributes([.modificationDate: ISOInstant.parse("2026-03-31T00:00:00Z")!], ofItemAtPath: ods.path)
        let checked = try CLI.run(base + ["--dspt-register", Self.list("dspt-national.csv"), "--ods-register", ods.path])
        #expect(checked.status == 0, "\(checked.stderr)")
        let report = try report(checked)
        #expect(report.references?.count == 2)
        #expect(report.references?.last?.importedAt == ISOInstant.parse("2026-03-31T00:00:00Z"))
        // The lists agree with the example: the same findings as without them.
        #expect(report.prerequisites.map(\.findings) == (try self.report(plain)).prerequisites.map(\.findings))

        // The trusts' file alone does not list the practice.
        let closed = try CLI.run(base + ["--ods-register", Self.list("etr.csv")])
        #expect(closed.status == 1)
        #expect(try self.report(closed).prerequisite(.directCare).findings.map(\.code) == [.organisationUnknown])
    }

    @Test("A list that is not one, a FIFO, or a stored copy changed since import is exit 2 with one line, and nothing is recorded")
    func hostileLists() throws {
        let deployment = Deployment()
        let fifo = deployment.folder.path("list.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        expectOneLine(try deployment.run(["reference", "import", "dspt", fifo]), mentioning: "not a regular file")
        let binary = try deployment.folder.write(Data([0xFF, 0xFE, 0x00, 0x41]), to: "binary.csv")
        expectOneLine(try deployment.run(["reference", "import", "ods", binary.path]), mentioning: "UTF-16")
        expectOneLine(try deployment.run(["reference", "import", "ods", Self.list("dspt-national.csv")]), mentioning: "is not usable as the ODS register")
        expectOneLine(try deployment.run(["reference", "import", "dspt", Self.list("etr.csv")]), mentioning: "is not usable as the national DSPT list")
        expectOneLine(try deployment.run(["reference", "import", "dspt", Self.list("etr.csv"), "--name", "x"]), mentioning: "--name")
        expectOneLine(try CLI.run(["check", deployment.example("eligible"), "--dspt-register", fifo]), mentioning: "list.csv: is not a regular file")
        #expect(try deployment.run(["reference", "list"]).stdout == "no reference lists imported\n")
        let references = deployment.folder.path("data/references").path
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: references)) ?? []).isEmpty)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: deployment.folder.path("data/incoming").path)) ?? []).isEmpty)

        // A stored list altered after import is refused, never used.
        #expect(try deployment.run(["reference", "import", "ods", Self.list("epraccur.csv")]).status == 0)
        let stored = try #require(try FileManager.default.contentsOfDirectory(atPath: references).first)
        let path = "\(references)/\(stored)"
        #expect(chmod(path, 0o640) == 0)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("B99999,\"ADDED LATER\",,,,,,,,,19740401,,A\r\n".utf8))
        try handle.close()
        expectOneLine(try deployment.verifying(["submit", deployment.example("gp-practice")], asOf: "2026-04-01T12:00:00Z"), mentioning: "has changed since it was imported")
        #expect(deployment.reports().isEmpty)
    }
}
