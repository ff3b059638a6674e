/// Why a CSV file cannot be read at all.
public enum CSVFileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operating system refused to open or read it (its reason).
    case unreadable(String)
    /// It starts with the byte-order mark of another encoding (its name).
    case notUTF8(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot be read: \(reason)"
        case .notUTF8(let encoding): "is \(encoding) text, not UTF-8"
        }
    }
}
