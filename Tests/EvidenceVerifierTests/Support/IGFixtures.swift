import Foundation
@testable import EvidenceVerifier

/// Information-governance evidence (DSPT, training, user lists) for check tests: bundles written by
/// `BundleBuilder` and read by the real reader, evaluated at a fixed instant.
enum IGFixtures {
    /// The fixed verification instant of these tests: 09:00 UTC on 1 April 2026.
    static let asOf = instant("2026-04-01T09:00:00Z")

    static func instant(_ text: String) -> Date {
        guard let date = ISOInstant.parse(text) else { preconditionFailure("bad instant \(text)") }
        return date
    }

    /// One evidence file to put in a bundle; `tampered` files are pinned in the manifest with another SHA-256.
    struct File {
        var kind: EvidenceKind
        var path: String
        var bytes: Data
        var tampered: Bool

        init(_ kind: EvidenceKind, _ path: String, _ text: String, tampered: Bool = false) {
            self.init(kind, path, bytes: Data(text.utf8), tampered: tampered)
        }

        init(_ kind: EvidenceKind, _ path: String, bytes: Data, tampered: Bool = false) {
            self.kind = kind
            self.path = path
            self.bytes = bytes
            self.tampered = tampered
        }

        static func dspt(_ text: String) -> File { File(.dsptAssessment, "dspt/assessment.csv", text) }
        static func training(_ text: String) -> File { File(.trainingRecords, "training/ig-training.csv", text) }
        static func users(_ text: String) -> File { File(.userAccounts, "staff/lcr-users.csv", text) }
    }

    /// Writes `files` as an unsigned bundle under `folder` and reads it with the real reader.
    static func bundle(
        in folder: TestFolder, odsCode: String = "B86001", name: String = "Example Medical Practice", staffCount: Int? = nil, files: [File]
    ) throws -> EvidenceBundle {
        var builder = BundleBuilder()
        builder.odsCode = odsCode
        builder.organisationName = name
        builder.staffCount = staffCount
        for file in files {
            if file.tampered {
                builder.addTampered(file.kind, file.path, file.bytes)
            } else {
                builder.add(file.kind, file.path, file.bytes)
            }
        }
        return try builder.read(in: folder)
    }

    static func context(
        _ bundle: EvidenceBundle, asOf: Date = asOf, policy: Policy = .defaults, references: ReferenceLists = .none
    ) throws -> VerificationContext {
        try testContext(bundle, asOf: asOf, policy: policy, anchors: [], references: references)
    }

    /// Runs `check` on a bundle of `files`, cross-checked against `references` when given.
    static func run(
        _ check: some Check, files: [File], odsCode: String = "B86001", name: String = "Example Medical Practice",
        staffCount: Int? = nil, asOf: Date = asOf, policy: Policy = .defaults, references: ReferenceLists = .none
    ) async throws -> CheckOutcome {
        let folder = TestFolder()
        let bundle = try bundle(in: folder, odsCode: odsCode, name: name, staffCount: staffCount, files: files)
        return await check.evaluate(try context(bundle, asOf: asOf, policy: policy, references: references))
    }
}

extension CheckOutcome {
    var codes: [String] { findings.map(\.code.rawValue) }
    var status: PrerequisiteStatus { PrerequisiteStatus(findings: findings) }
}

/// A CSV file in a private temporary folder, removed when the value goes.
struct TemporaryCSV {
    let folder: TestFolder
    let url: URL

    init(_ bytes: Data) throws {
        folder = TestFolder()
        url = try folder.write(bytes, to: "file.csv")
    }

    init(_ text: String) throws { try self.init(Data(text.utf8)) }
}
