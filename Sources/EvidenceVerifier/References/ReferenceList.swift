/// One reference list read from a file: the national DSPT list or an ODS register.
public enum ReferenceList: Sendable {
    case dspt(DSPTRegister)
    case ods(ODSRegister)

    public var record: ReferenceRecord {
        switch self {
        case .dspt(let register): register.record
        case .ods(let register): register.record
        }
    }
}
