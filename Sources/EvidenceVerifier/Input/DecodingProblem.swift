/// A `DecodingError` in one line a person can act on, naming the field (`field prerequisites[2].status:
/// expected a string`), never Foundation's generic "The data couldn't be read…" text.
public enum DecodingProblem {
    public static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "field \(path(context.codingPath + [key])): is missing"
        case .typeMismatch(let type, let context):
            return "field \(path(context.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "field \(path(context.codingPath)): expected \(typeName(type)), found null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "field \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "unreadable"
        }
    }

    /// `organisation.name`, `prerequisites[2].findings[0].code`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// `a string`, `a whole number`, … for messages.
    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
