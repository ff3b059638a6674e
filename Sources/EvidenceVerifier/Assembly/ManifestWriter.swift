import Foundation

/// The one way this tool writes `manifest.json`: keys sorted by their bytes, two-space indentation,
/// `"key": value`, empty lists as `[]`, strings escaped only where JSON requires (quote, backslash,
/// control characters), and a trailing newline. The layout is written here rather than left to
/// Foundation's pretty printer, whose spacing differs between releases, so the same manifest always
/// gives the same bytes: sealing twice signs the same content. Every manifest written is checked to
/// read back through `ManifestParser` as the same value.
public enum ManifestWriter {
    public static func encode(_ manifest: Manifest) throws(InputError) -> Data {
        let value: JSONValue
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            value = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(manifest))
        } catch {
            throw InputError(EvidenceBundleReader.manifestName, "cannot be encoded (\(error))")
        }
        var text = ""
        write(value, indent: "", into: &text)
        let bytes = Data((text + "\n").utf8)
        guard case .success(let parsed) = ManifestParser.parse(bytes), parsed == manifest else {
            throw InputError(EvidenceBundleReader.manifestName, "would not read back as written; nothing was changed")
        }
        return bytes
    }

    private static func write(_ value: JSONValue, indent: String, into text: inout String) {
        let inner = indent + "  "
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .integer(let number): text += String(number)
        case .number(let number): text += String(number)
        case .string(let string): quote(string, into: &text)
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += inner
                write(item, indent: inner, into: &text)
                text += index == items.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            text += "{\n"
            for (index, member) in sorted.enumerated() {
                text += inner
                quote(member.key, into: &text)
                text += ": "
                write(member.value, indent: inner, into: &text)
                text += index == sorted.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        }
    }

    private static func quote(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
