/// The independent lists an operator may supply (DESIGN §4 "Independent cross-checks"): the national
/// DSPT published-status CSV and the ODS register files. The raw values are the report's `references[].kind`.
public enum ReferenceKind: String, Codable, Sendable, CaseIterable {
    case dsptRegister = "dspt-register"
    case odsRegister = "ods-register"

    /// The word `reference import` takes (`dspt`, `ods`), also the stored file's prefix.
    public var shortName: String {
        switch self {
        case .dsptRegister: "dspt"
        case .odsRegister: "ods"
        }
    }

    /// `the national DSPT list`, `the ODS register`, for messages.
    public var described: String {
        switch self {
        case .dsptRegister: "the national DSPT list"
        case .odsRegister: "the ODS register"
        }
    }

    public init?(shortName: String) {
        guard let kind = Self.allCases.first(where: { $0.shortName == shortName }) else { return nil }
        self = kind
    }
}
