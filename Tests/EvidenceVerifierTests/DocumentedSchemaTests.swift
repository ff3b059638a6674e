import Foundation
import PKIFixtures
import Testing
@testable import EvidenceVerifier

/// The JSON Schemas under `docs/schemas/` describe what the project really reads and writes: every
/// committed example manifest matches the manifest schema, every report the built `lcr-verify` writes
/// (offline and live, eligible and failing, waived) matches the report schema, and a broken document fails.
@Suite struct DocumentedSchemaTests {
    static let schemas = ExampleBundleTests.repository.appendingPathComponent("docs/schemas")
    static let evidence = ExampleBundleTests.repository.appendingPathComponent("evidence")

    let manifestSchema: JSONSchemaValidator
    let reportSchema: JSONSchemaValidator

    init() throws {
        manifestSchema = try JSONSchemaValidator(schemaFile: Self.schemas.appendingPathComponent("lcr-evidence-1.schema.json"))
        reportSchema = try JSONSchemaValidator(schemaFile: Self.schemas.appendingPathComponent("lcr-verification-report-1.schema.json"))
    }

    /// The names of the committed example bundles (every folder under `evidence/`).
    static let examples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: evidence.path)) ?? []
        return names.filter { name in
            FileManager.default.fileExists(atPath: evidence.appendingPathComponent("\(name)/manifest.json").path)
        }.sorted()
    }()

    @Test func everyCommittedExampleManifestMatchesTheManifestSchema() throws {
        var manifests: [URL] = []
        let files = FileManager.default.enumerator(at: Self.evidence, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            if file.lastPathComponent == "manifest.json" { manifests.append(file) }
        }
        #expect(manifests.count >= 7)
        #expect(manifests.count >= Self.examples.count)
        for manifest in manifests {
            let problems = try manifestSchema.problems(in: Data(contentsOf: manifest))
            #expect(problems.isEmpty, "\(manifest.path): \(problems)")
        }
    }

    @Test(arguments: examples)
    func theSignedReportOfEachExampleMatchesTheReportSchema(example: String) throws {
        let reports = ExampleReports()
        let signed = try reports.signed(example)
        let problems = try reportSchema.problems(in: Data(contentsOf: signed))
        #expect(problems.isEmpty, "\(example): \(problems)")
        #expect(try reports.decode(signed).level == "offline")
        // The same report with every error waived carries the additive `waiver` field (a folder of its own:
        // `check --report-out` never overwrites, so a second report there would be named `-2`).
        let waivedReports = ExampleReports()
        let waived = try waivedReports.waived(example)
        let waivedProblems = try reportSchema.problems(in: Data(contentsOf: waived))
        #expect(waivedProblems.isEmpty, "\(example) waived: \(waivedProblems)")
    }

    @Test func theExamplesCoverEligibleFailingAndWaivedReports() throws {
        let reports = ExampleReports()
        #expect(try reports.decode(try reports.signed("eligible")).decision == .eligible)
        #expect(try reports.decode(try reports.signed("lookalike-domain")).decision == .notEligible)
        let waivedReports = ExampleReports()
        let waived = try String(contentsOf: try waivedReports.waived("lookalike-domain"), encoding: .utf8)
        #expect(waived.contains("\"waiver\":{\"approvedAt\":"))
    }

    /// Live probes: one endpoint answering with the declared certificate (eligible, exit 0), then the
    /// same bundle also declaring a port nobody listens on any more (not eligible, an endpoint `error`).
    @Test(.timeLimit(.minutes(1))) func liveReportsMatchTheReportSchema() throws {
        let closed = try TLSServerProcess(
            certificateFile: LiveExample.certs.appendingPathComponent("demo/hscn-endpoint.pem"),
            keyFile: LiveExample.certs.appendingPathComponent("demo/hscn-endpoint.key.pem"))
        let closedPort = closed.port
        closed.stop()
        let cases: [(extra: [String], status: Int32, decision: VerificationReport.Decision)] = [
            ([], 0, .eligible), (["https://127.0.0.1:\(closedPort)/"], 1, .notEligible),
        ]
        for (extra, status, decision) in cases {
            let live = try LiveExample(extraEndpoints: extra)
            defer { live.stop() }
            let result = try live.check(asOf: ExampleReports.asOf, ["--format", "json"])
            #expect(result.status == status, "\(result.stderr)")
            let problems = try reportSchema.problems(in: Data(result.stdout.utf8))
            #expect(problems.isEmpty, "\(problems)")
            let report = try ReportCoding.decode(Data(result.stdout.utf8), file: "stdout")
            #expect(report.level == "live")
            #expect(report.decision == decision)
            #expect(report.endpoints.count == 1 + extra.count)
            #expect(report.endpoints.first?.status == .ok)
        }
    }

    /// Each case sets one top-level field to a JSON value, or removes it (nil).
    @Test(arguments: [
        ("decision", nil, "$: the required field decision is missing"),
        ("asOf", #"20260401"#, "$.asOf: must be of type string, found number"),
        ("asOf", #""2026-04-01""#, "$.asOf: \"2026-04-01\" does not match"),
        ("policySha256", #""ABC""#, "$.policySha256: \"ABC\" does not match"),
        ("verifier", #"{"name":"lcr-verify"}"#, "$.verifier: the required field version is missing"),
        ("level", #""partial""#, "$.level: must be one of"),
        ("surprise", #"true"#, "$.surprise: is not a field this schema allows"),
        ("references", #"[{"kind":"dspt-register","sha256":"x","rows":-1}]"#, "$.references[0]: the required field importedAt is missing"),
    ] as [(String, String?, String)])
    func aBrokenReportFailsNamingTheField(field: String, value: String?, expected: String) throws {
        let reports = ExampleReports()
        let data = try Data(contentsOf: try reports.signed("eligible"))
        #expect(try reportSchema.problems(in: data).isEmpty)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object[field] = try value.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed]) }
        let problems = try reportSchema.problems(in: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
    }

    @Test func aBrokenFindingOrWaiverDeepInAReportFails() throws {
        let reports = ExampleReports()
        var text = try String(contentsOf: try reports.waived("lookalike-domain"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"severity\":\"warning\"", with: "\"severity\":\"fatal\"")
        text = text.replacingOccurrences(of: "\"approvedBy\":", with: "\"approver\":")
        let problems = try reportSchema.problems(in: Data(text.utf8))
        #expect(problems.contains { $0.contains("].findings[") && $0.contains(".severity: must be one of") }, "\(problems)")
        #expect(problems.contains { $0.hasSuffix(".waiver: the required field approvedBy is missing") }, "\(problems)")
        #expect(problems.contains { $0.hasSuffix(".waiver.approver: is not a field this schema allows") }, "\(problems)")
    }

    @Test(arguments: [
        (#""staffCount": 42"#, #""staffCount": "42""#, "$.organisation.staffCount: must be of type integer, found string"),
        (#""staffCount": 42"#, #""staffCount": 0"#, "$.organisation.staffCount: must be at least 1"),
        (#""odsCode": "B86001""#, #""odsCode": "B86-001""#, "$.organisation.odsCode: \"B86-001\" does not match"),
        (#""odsCode": "B86001","#, "", "$.organisation: the required field odsCode is missing"),
        (#""format": "lcr-evidence/1""#, #""format": "lcr-evidence/2""#, "$.format: must be \"lcr-evidence/1\""),
        (#""provides": true"#, #""provides": "yes""#, "$.organisation.directCare.provides: must be of type boolean"),
        (#""path": "dspt/assessment.csv","#, "", "$.evidence[0]: the required field path is missing"),
    ])
    func aBrokenManifestFailsNamingTheField(original: String, replacement: String, expected: String) throws {
        let manifest = try String(contentsOf: Self.evidence.appendingPathComponent("eligible/manifest.json"), encoding: .utf8)
        let flattened = manifest.replacingOccurrences(of: "\n *", with: " ", options: .regularExpression)
        #expect(flattened.contains(original))
        let broken = flattened.replacingOccurrences(of: original, with: replacement)
        let problems = try manifestSchema.problems(in: Data(broken.utf8))
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
    }

    @Test func aSchemaUsingAKeywordTheValidatorDoesNotImplementIsRefused() {
        let schema = Data(#"{"type": "object", "properties": {"a": {"oneOf": [{"type": "string"}]}}}"#.utf8)
        #expect(throws: JSONSchemaValidator.Problem.self) { try JSONSchemaValidator(schema: schema, name: "test.json") }
    }
}
