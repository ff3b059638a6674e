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

/// One prerequisite's status, summary and findings.
public struct PrerequisiteResult: Codable, Sendable, Equatable {
    public var id: PrerequisiteID
    public var status: PrerequisiteStatus
    public var summary: String
    public var findings: [Finding]

    public init(id: PrerequisiteID, summary: String, findings: [Finding]) {
        self.id = id
        self.status = PrerequisiteStatus(findings: findings)
        self.summary = summary
        self.findings = findings
    }
}

/// One listed evidence file as measured.
public struct EvidenceRecord: Codable, Sendable, Equatable {
    public var kind: String
    public var path: String
    public var sha256: String
    public var bytes: Int64?
    public var signer: SignerIdentity?
}

/// One HSCN endpoint as probed (DESIGN §5 `endpoints`).
public struct EndpointRecord: Codable, Sendable, Equatable {
    public var url: String
    /// The address connected to (or refused), `ip:port`.
    public var address: String?
    /// `ok`, or the failure class (`unreachable`, `refused`, `tls-failed`, `certificate-mismatch`, …).
    public var status: String
    public var tlsVersion: String?
    public var certificateSha256: String?
    public var connectMs: Int?
    public var handshakeMs: Int?
    public var error: String?

    public init(
        url: String, address: String? = nil, status: String, tlsVersion: String? = nil,
        certificateSha256: String? = nil, connectMs: Int? = nil, handshakeMs: Int? = nil, error: String? = nil
    ) {
        self.url = url
        self.address = address
        self.status = status
        self.tlsVersion = tlsVersion
        self.certificateSha256 = certificateSha256
        self.connectMs = connectMs
        self.handshakeMs = handshakeMs
        self.error = error
    }
}
