import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

/// A real data folder built from the committed example bundles at fixed instants, through the
/// registry's own operations: four organisations submitted on 1 April 2026 (the eligible example as
/// B86001, and re-coded copies re-signed with the DEMO applicant key: the lookalike-domain example as
/// RR8, lapsed-training as Y00002, eligible as Y00003), B86001 and Y00003 approved, Y00003 then
/// suspended, RR8's two failing findings waived until 30 September 2026, and everyone re-verified on
/// 1 May 2026, so histories have several points.
final class DashboardDeployment: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let certs = repository.appendingPathComponent("certs", isDirectory: true)
    static let submittedAt = ISOInstant.parse("2026-04-01T12:00:00Z")!
    static let decidedAt = ISOInstant.parse("2026-04-08T14:00:00Z")!
    static let suspendedAt = ISOInstant.parse("2026-04-20T10:00:00Z")!
    static let reverifiedAt = ISOInstant.parse("2026-05-01T06:00:00Z")!
    /// About twenty days before the DSPT deadline lapses (1 July 2026, 00:00 UK time): within the default 30-day notice.
    static let dashboardAsOf = ISOInstant.parse("2026-06-10T09:00:00Z")!
    static let waiverApprover = "Dr A Chair"
    static let waivedCodes = ["email.domain-not-allowed", "training.user-untrained"]
    static let partners = ["B86001", "RR8", "Y00002", "Y00003"]

    let folder = TestFolder()
    let dataDirectory: DataDirectory
    let registry: PartnerRegistry

    private init() throws {
        dataDirectory = DataDirectory(folder.path("data"))
        registry = try PartnerRegistry.open(dataDirectory)
    }

    static func make() async throws -> DashboardDeployment {
        let deployment = try DashboardDeployment()
        try await deployment.build()
        return deployment
    }

    static func settings() throws -> VerificationSettings {
        VerificationSettings(
            verification: try BundleVerification(
                policy: .defaults, signerAnchors: try TrustAnchors.load(.signers, from: certs),
                hscnAnchors: try TrustAnchors.load(.hscn, from: certs), probeEndpoints: false),
            signingIdentity: try SigningIdentity(
                keyFile: certs.appendingPathComponent("demo/report-signer.key.pem"),
                certificateFile: certs.appendingPathComponent("demo/report-signer.pem")))
    }

    private func build() async throws {
        let intake = SubmissionIntake(registry: registry, settings: try Self.settings())
        let bundles = [
            Self.repository.appendingPathComponent("evidence/eligible", isDirectory: true),
            try recoded("lookalike-domain", as: "RR8", name: "Example Hospice"),
            try recoded("lapsed-training", as: "Y00002", name: "Example Care Home"),
            try recoded("eligible", as: "Y00003", name: "Example Home Care Agency"),
        ]
        for bundle in bundles {
            _ = try await intake.submit(bundle, asOf: Self.submittedAt, receivedAt: Self.submittedAt)
        }
        let isa = try folder.write("%PDF-1.4\n% DEMO signed ISA\n%%EOF\n", to: "isa.pdf")
        let approval = PartnerApproval(registry: registry)
        _ = try approval.approve(odsCode: "B86001", access: .write, isa: isa, by: "IG steering group", reason: "ISA signed; minute 4.2", at: Self.decidedAt)
        _ = try approval.approve(odsCode: "Y00003", access: .readOnly, isa: isa, by: "IG steering group", reason: "ISA signed; minute 4.3", at: Self.decidedAt)
        _ = try registry.changeStatus(odsCode: "Y00003", to: .suspended, by: "IG steering group", reason: "ISA under review", at: Self.suspendedAt)
        for code in Self.waivedCodes {
            _ = try registry.grant(Waiver(
                odsCode: "RR8", findingCode: code, until: WaiverDeadline.endOfDay("2026-09-30")!, reason: "improvement plan agreed",
                approvedBy: Self.waiverApprover, approvedAt: Self.decidedAt))
        }
        let results = await Reverifier(registry: registry, settings: try Self.settings())
            .run(try registry.partners(), asOf: Self.reverifiedAt, noticeDays: 30, recordedAt: { Self.reverifiedAt })
        guard results.allSatisfy({ $0.error == nil }) else { throw DeploymentError("reverify failed: \(results.compactMap(\.error))") }
    }

    /// A copy of an example naming another organisation (in its manifest and DSPT evidence), its
    /// digests brought up to date and its manifest signed again with the DEMO applicant key.
    func recoded(_ example: String, as odsCode: String, name: String) throws -> URL {
        let copy = folder.path("bundles/\(odsCode)")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("evidence/\(example)"), to: copy)
        let dspt = copy.appendingPathComponent("dspt/assessment.csv")
        let oldDSPT = try Data(contentsOf: dspt)
        let newDSPT = Data(String(decoding: oldDSPT, as: UTF8.self)
            .replacingOccurrences(of: "B86001,Example Medical Practice", with: "\(odsCode),\(name)").utf8)
        try newDSPT.write(to: dspt)
        let manifestURL = copy.appendingPathComponent("manifest.json")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
            .replacingOccurrences(of: SHA256Digest.hex(of: oldDSPT), with: SHA256Digest.hex(of: newDSPT))
            .replacingOccurrences(of: "\"B86001\"", with: "\"\(odsCode)\"")
            .replacingOccurrences(of: "\"Example Medical Practice\"", with: "\"\(name)\"")
        try Data(manifest.utf8).write(to: manifestURL)
        let signer = try SigningIdentity(
            keyFile: Self.certs.appendingPathComponent("demo/applicant-signer.key.pem"),
            certificateFile: Self.certs.appendingPathComponent("demo/applicant-signer.pem"))
        try signer.signDetached(Data(manifest.utf8)).write(to: copy.appendingPathComponent("manifest.json.p7s"))
        return copy
    }

    struct DeploymentError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
