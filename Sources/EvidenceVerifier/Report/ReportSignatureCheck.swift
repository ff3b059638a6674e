/// What a rendered report says about its own signature, so a reader never has to guess whether
/// it was checked: `report render` shows this line at the top of every format.
public enum ReportSignatureCheck: Sendable, Equatable {
    /// No anchors were given, so nobody checked the signature.
    case notChecked
    /// The detached signature matches the exact bytes rendered and chains to a report-signing anchor.
    case valid(signer: SignerIdentity)
    /// The signature was checked and refused; `reason` says why.
    case notValid(reason: String)

    /// The check of `verification`, a verdict on the bytes being rendered.
    public init(_ verification: SignatureVerification) {
        switch verification {
        case .valid(let signer, _):
            self = .valid(signer: signer)
        case .invalid(let failure, let reason, _):
            self = .notValid(reason: "the signature \(reason) [\(failure.code)]")
        }
    }

    /// One plain sentence for the top of a rendered report.
    public var line: String {
        switch self {
        case .notChecked: "Report signature not checked (no trust anchors were given)"
        case .valid(let signer): "Report signature valid, signed by \(signer.subject)"
        case .notValid(let reason): "Report signature NOT VALID: \(reason)"
        }
    }
}
