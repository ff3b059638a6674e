/// One listed evidence file as measured.
public struct EvidenceRecord: Codable, Sendable, Equatable {
    public var kind: String
    public var path: String
    public var sha256: String
    public var bytes: Int64?
    public var signer: SignerIdentity?
}
