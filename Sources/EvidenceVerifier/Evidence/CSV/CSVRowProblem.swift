/// Why one CSV record cannot be read.
public enum CSVRowProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// A quoted field opened in this record is never closed before the end of the file.
    case unterminatedQuote
    /// Text follows the closing quote of a quoted field (`"abc"def`).
    case textAfterClosingQuote
    /// A field is longer than the limit (bytes).
    case fieldTooLong(limit: Int)
    /// The record has more fields than the limit.
    case tooManyFields(limit: Int)
    /// The record's field count differs from the header's.
    case wrongFieldCount(expected: Int, found: Int)
    /// A field is not valid UTF-8 (1-based column number).
    case invalidUTF8(column: Int)

    public var description: String {
        switch self {
        case .unterminatedQuote:
            "a quoted field starts here and is never closed"
        case .textAfterClosingQuote:
            "text follows the closing quote of a quoted field"
        case .fieldTooLong(let limit):
            "a field is longer than \(limit) bytes"
        case .tooManyFields(let limit):
            "it has more than \(limit) fields"
        case .wrongFieldCount(let expected, let found):
            "it has \(found) field\(found == 1 ? "" : "s") where the header has \(expected)"
        case .invalidUTF8(let column):
            "field \(column) is not valid UTF-8"
        }
    }
}
