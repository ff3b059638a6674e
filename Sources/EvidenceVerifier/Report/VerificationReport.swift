import Foundation

/// The verification report (format `lcr-verification-report/1`); field names are a contract (DESIGN §5).
public struct VerificationReport: Codable, Sendable, Equatable {
    public static let format = "lcr-verification-report/1"

    public var format: String
    public var generatedAt: Date
    public var asOf: Date
    public var verifier: VerifierInfo
    public var policySha256: String
    public var organisation: OrganisationSummary
    public var bundle: BundleSummary
    public var decision: Decision
    /// The earliest instant at which a fact this verdict relies on lapses.
    public var reverifyBy: Date?
    public var prerequisites: [PrerequisiteResult]
    public var evidence: [EvidenceRecord]
    public var endpoints: [EndpointRecord]
    /// How far verification went (DESIGN §5, additive): `live` when endpoints were probed, `offline`
    /// (`--no-probe`) when not; absent in reports made before the field existed.
    public var level: String?
    /// The independent reference lists the verification used (DESIGN §5, additive); absent when none was.
    public var references: [ReferenceRecord]?

    /// The program that made the report.
    public struct VerifierInfo: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }

    /// Who applied, as the manifest says.
    public struct OrganisationSummary: Codable, Sendable, Equatable {
        public var odsCode: String
        public var name: String
        public var accessRequested: String?
    }

    /// The manifest's digest and who signed it.
    public struct BundleSummary: Codable, Sendable, Equatable {
        public var manifestSha256: String?
        public var signer: SignerIdentity?
    }

    /// The verdict: eligible when no prerequisite fails.
    public enum Decision: String, Codable, Sendable {
        case eligible
        case notEligible = "not-eligible"
    }
}
