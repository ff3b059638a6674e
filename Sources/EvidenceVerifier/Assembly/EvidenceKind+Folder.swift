/// Where `bundle add` puts each kind of evidence inside a bundle.
extension EvidenceKind {
    public var folder: String {
        switch self {
        case .dsptAssessment: "dspt"
        case .trainingRecords: "training"
        case .userAccounts: "staff"
        case .hscnCertificate, .hscnAgreement: "hscn"
        case .isa: "isa"
        case .other: "other"
        }
    }
}
