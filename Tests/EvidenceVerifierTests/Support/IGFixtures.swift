import Foundation
@testable import EvidenceVerifier

/// Builds bundles of information-governance evidence in private temporary folders, until the
/// bundle reader lands; swap this file for the reader then.
enum IGFixtures {
    /// The fixed verification instant of these tests: 09:00 UTC on 1 April 2026.
    static let asOf = instant("2026-04-01T09:00:00Z")

    static func instant(_ text: String) -> Date {
        guard let date = ISOInstant.parse(text) else { preconditionFailure("bad instant \(text)") }
        return date
    }

    /// One evidence file to put in a bundle, listed in the manifest as intact unless `state` says otherwise.
    struct File {
        var kind: EvidenceKind
        var path: String
        var bytes: Data
        var state: EvidenceFile.State?

        init(_ kind: EvidenceKind, _ path: String, _ text: String, state: EvidenceFile.State? = nil) {
            self.init(kind, path, bytes: Data(text.utf8), state: state)
        }

        init(_ kind: EvidenceKind, _ path: String, bytes: Data, state: EvidenceFile.State? = nil) {
            self.kind = kind
            self.path = path
            self.bytes = bytes
            self.state = state
        }

        static func dspt(_ text: String) -> File { File(.dsptAssessment, "dspt/assessment.csv", text) }
        static func training(_ text: String) -> File { File(.trainingRecords, "training/ig-training.csv", text) }
        static func users(_ text: String) -> File { File(.userAccounts, "staff/lcr-users.csv", text) }
    }

    static func bundle(odsCode: String = "B86001", staffCount: Int? = nil, files: [File]) throws -> EvidenceBundle {
        let storage = try TemporaryDirectory(prefix: "ig-fixture")
        var evidence: [EvidenceFile] = []
        for file in files {
            let url = storage.url.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.bytes.write(to: url)
            let entry = EvidenceEntry(kind: file.kind.rawValue, path: file.path, sha256: SHA256Digest.hex(of: file.bytes), signature: nil)
            evidence.append(EvidenceFile(entry: entry, index: evidence.count, url: url, state: file.state ?? .intact(bytes: Int64(file.bytes.count)), signature: nil))
        }
        let organisation = Manifest.Organisation(
            odsCode: odsCode, name: "Example Medical Practice", staffCount: staffCount,
            accessRequested: "read-only", directCare: nil
        )
        let manifest = Manifest(format: Manifest.format, organisation: organisation, contact: nil, evidence: evidence.map(\.entry), hscn: nil)
        return EvidenceBundle(
            source: storage.url, root: storage.url, manifest: .parsed(manifest), manifestSha256: nil,
            manifestBytes: nil, manifestSignature: nil, files: evidence, unlistedPaths: [], ambiguousNames: [], storage: storage,
            snapshot: .inPlace(privateRoot: storage.url)
        )
    }

    static func context(_ bundle: EvidenceBundle, asOf: Date = asOf, policy: Policy = .defaults) throws -> VerificationContext {
        try BundleVerification(policy: policy, signerAnchors: [], hscnAnchors: [], probeEndpoints: false)
            .context(for: bundle, asOf: asOf)
    }

    /// Runs `check` on a bundle of `files`.
    static func run(
        _ check: some Check, files: [File], odsCode: String = "B86001", staffCount: Int? = nil,
        asOf: Date = asOf, policy: Policy = .defaults
    ) async throws -> CheckOutcome {
        let bundle = try bundle(odsCode: odsCode, staffCount: staffCount, files: files)
        return await check.evaluate(try context(bundle, asOf: asOf, policy: policy))
    }
}

extension CheckOutcome {
    var codes: [String] { findings.map(\.code.rawValue) }
    var status: PrerequisiteStatus { PrerequisiteStatus(findings: findings) }
}

/// A CSV file in a private temporary folder, removed when the value goes.
struct TemporaryCSV {
    let storage: TemporaryDirectory
    let url: URL

    init(_ bytes: Data) throws {
        storage = try TemporaryDirectory(prefix: "csv-test")
        url = storage.url.appendingPathComponent("file.csv")
        try bytes.write(to: url)
    }

    init(_ text: String) throws { try self.init(Data(text.utf8)) }
}
