import Foundation
@testable import EvidenceVerifier

/// A JSON Schema (draft 2020-12) validator for exactly the keywords the schemas under `docs/schemas/`
/// use: `type`, `required`, `properties`, `additionalProperties`, `items`, `enum`, `const`, `pattern`,
/// `minimum`, `maximum`, `minLength` and `$ref` to `#/$defs/…`, plus the annotations `$schema`, `$id`,
/// `title` and `description`. A schema using any other keyword is refused when it is loaded, so a
/// schema can never lean on a rule this validator would silently skip.
struct JSONSchemaValidator {
    static let keywords: Set<String> = [
        "$schema", "$id", "title", "description", "$defs", "$ref",
        "type", "required", "properties", "additionalProperties", "items",
        "enum", "const", "pattern", "minimum", "maximum", "minLength",
    ]

    private let root: [String: JSONValue]

    /// Loads the schema at `file`; throws when it is not JSON, not an object, or uses an unknown keyword.
    init(schemaFile file: URL) throws {
        try self.init(schema: try Data(contentsOf: file), name: file.lastPathComponent)
    }

    init(schema data: Data, name: String) throws {
        guard case .object(let root) = try JSONDecoder().decode(JSONValue.self, from: data) else {
            throw Problem("\(name) is not a JSON object")
        }
        self.root = root
        try Self.checkKeywords(.object(root), at: name)
    }

    /// Every way `instance` breaks the schema, as `<path>: <rule>`; empty when it conforms.
    func problems(in instance: Data) throws -> [String] {
        problems(try JSONDecoder().decode(JSONValue.self, from: instance), against: root, at: "$")
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private static func checkKeywords(_ schema: JSONValue, at path: String) throws {
        guard case .object(let members) = schema else {
            if case .bool = schema { return }
            throw Problem("\(path) is not a schema")
        }
        for (key, value) in members {
            guard keywords.contains(key) else { throw Problem("\(path) uses \(key), which JSONSchemaValidator does not implement") }
            switch key {
            case "properties", "$defs":
                guard case .object(let named) = value else { throw Problem("\(path).\(key) is not an object") }
                for (name, child) in named { try checkKeywords(child, at: "\(path).\(key).\(name)") }
            case "items", "additionalProperties":
                try checkKeywords(value, at: "\(path).\(key)")
            default:
                break
            }
        }
    }

    private func problems(_ value: JSONValue, against schema: [String: JSONValue], at path: String) -> [String] {
        var found: [String] = []
        if case .string(let reference)? = schema["$ref"] {
            if let target = resolve(reference) {
                found += problems(value, against: target, at: path)
            } else {
                found.append("\(path): the schema's $ref \(reference) leads nowhere")
            }
        }
        if let type = schema["type"] {
            let allowed: [String] = switch type {
            case .string(let one): [one]
            case .array(let many): many.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: []
            }
            if !allowed.contains(where: { Self.has(value, type: $0) }) {
                found.append("\(path): must be of type \(allowed.joined(separator: " or ")), found \(Self.typeName(value))")
                return found
            }
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            found.append("\(path): must be \(Self.text(constant))")
        }
        if case .array(let options)? = schema["enum"], !options.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): must be one of \(options.map(Self.text).joined(separator: ", ")), found \(Self.text(value))")
        }
        switch value {
        case .object(let members):
            found += objectProblems(members, against: schema, at: path)
        case .array(let elements):
            if case .object(let items)? = schema["items"] {
                for (index, element) in elements.enumerated() {
                    found += problems(element, against: items, at: "\(path)[\(index)]")
                }
            }
        case .string(let text):
            if case .string(let pattern)? = schema["pattern"] {
                let expression = try? NSRegularExpression(pattern: pattern)
                if expression?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    found.append("\(path): \(Self.text(value)) does not match \(pattern)")
                }
            }
            if let minimum = schema["minLength"].flatMap(Self.number), Double(text.unicodeScalars.count) < minimum {
                found.append("\(path): must have at least \(Int(minimum)) characters")
            }
        case .integer, .number:
            let number = Self.number(value) ?? 0
            if let minimum = schema["minimum"].flatMap(Self.number), number < minimum {
                found.append("\(path): must be at least \(Self.text(schema["minimum"]!)), found \(Self.text(value))")
            }
            if let maximum = schema["maximum"].flatMap(Self.number), number > maximum {
                found.append("\(path): must be at most \(Self.text(schema["maximum"]!)), found \(Self.text(value))")
            }
        case .null, .bool:
            break
        }
        return found
    }

    private func objectProblems(_ members: [String: JSONValue], against schema: [String: JSONValue], at path: String) -> [String] {
        var found: [String] = []
        if case .array(let required)? = schema["required"] {
            for case .string(let name) in required where members[name] == nil {
                found.append("\(path): the required field \(name) is missing")
            }
        }
        var declared: [String: JSONValue] = [:]
        if case .object(let properties)? = schema["properties"] { declared = properties }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            let memberPath = "\(path).\(name)"
            if case .object(let property)? = declared[name] {
                found += problems(member, against: property, at: memberPath)
            } else if declared[name] == nil {
                switch schema["additionalProperties"] {
                case .bool(false)?: found.append("\(memberPath): is not a field this schema allows")
                case .object(let additional)?: found += problems(member, against: additional, at: memberPath)
                default: break
                }
            }
        }
        return found
    }

    private func resolve(_ reference: String) -> [String: JSONValue]? {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix), case .object(let definitions)? = root["$defs"],
              case .object(let target)? = definitions[String(reference.dropFirst(prefix.count))] else { return nil }
        return target
    }

    private static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("number", .integer), ("number", .number), ("integer", .integer):
            true
        case ("integer", .number(let number)):
            number.rounded() == number
        default:
            false
        }
    }

    private static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let whole): Double(whole)
        case .number(let number): number
        default: nil
        }
    }

    /// JSON equality, where 1 and 1.0 are the same number.
    private static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = number(lhs), let right = number(rhs) { return left == right }
        return lhs == rhs
    }

    private static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }
}
