import Foundation

/// The bundle's `manifest.json` (format `lcr-evidence/1`): who applies, what they declare, and the SHA-256 of every evidence file.
public struct Manifest: Codable, Sendable, Equatable {
    public static let format = "lcr-evidence/1"

    public var format: String
    public var organisation: Organisation
    public var contact: Contact?
    public var evidence: [EvidenceEntry]
    public var hscn: HSCNDeclaration?

    /// The applicant organisation as declared.
    public struct Organisation: Codable, Sendable, Equatable {
        public var odsCode: String
        public var name: String
        public var staffCount: Int?
        public var accessRequested: String?
        public var directCare: DirectCare?

        public init(odsCode: String, name: String, staffCount: Int?, accessRequested: String?, directCare: DirectCare?) {
            self.odsCode = odsCode
            self.name = name
            self.staffCount = staffCount
            self.accessRequested = accessRequested
            self.directCare = directCare
        }

        /// Decodes as synthesised, except that a `staffCount` that is a number but not a whole one in
        /// range is a type mismatch at its own path (Foundation would call the whole file "not valid JSON").
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            odsCode = try container.decode(String.self, forKey: .odsCode)
            name = try container.decode(String.self, forKey: .name)
            accessRequested = try container.decodeIfPresent(String.self, forKey: .accessRequested)
            directCare = try container.decodeIfPresent(DirectCare.self, forKey: .directCare)
            if (try? container.decodeNil(forKey: .staffCount)) ?? true {
                staffCount = nil
            } else if let whole = try? container.decode(Int.self, forKey: .staffCount) {
                staffCount = whole
            } else {
                let found = (try? container.decode(Double.self, forKey: .staffCount)).map { ", found \($0)" } ?? ""
                throw DecodingError.typeMismatch(Int.self, DecodingError.Context(
                    codingPath: container.codingPath + [CodingKeys.staffCount], debugDescription: "not a whole number\(found)"))
            }
        }
    }

    /// The declaration behind prerequisite 1 (direct care, GDPR Art. 9(2)(h)).
    public struct DirectCare: Codable, Sendable, Equatable {
        public var provides: Bool?
        public var services: [String]?
        public var basis: String?
    }

    /// Who to contact about the application.
    public struct Contact: Codable, Sendable, Equatable {
        public var name: String?
        public var email: String?
    }

    /// The HSCN endpoints the organisation declares (probed live unless `--no-probe`).
    public struct HSCNDeclaration: Codable, Sendable, Equatable {
        public var endpoints: [String]
    }
}

/// One file the manifest pins: its kind, its path inside the bundle, its SHA-256 and an optional detached signature.
public struct EvidenceEntry: Codable, Sendable, Equatable {
    public var kind: String
    public var path: String
    public var sha256: String
    /// Path of a detached CMS signature over this file, inside the bundle.
    public var signature: String?

    /// The kind as a known value, or nil for a kind this version does not know.
    public var knownKind: EvidenceKind? { EvidenceKind(rawValue: kind) }
}

/// The evidence kinds of DESIGN §3.
public enum EvidenceKind: String, Sendable, CaseIterable {
    case dsptAssessment = "dspt-assessment"
    case trainingRecords = "training-records"
    case userAccounts = "user-accounts"
    case hscnCertificate = "hscn-certificate"
    case hscnAgreement = "hscn-agreement"
    case isa = "isa"
    case other = "other"
}
