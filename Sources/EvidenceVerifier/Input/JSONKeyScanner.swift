/// A pass over JSON bytes that finds what a decoder would silently forgive: an object with the same key
/// twice (decoders disagree on which one wins: Swift keeps the first, `jq` and Python the last) and
/// nesting too deep to decode safely.
///
/// Keys are compared as Swift strings after decoding escapes, so `"a"` and `"\u0061"` are the same key,
/// and so are two spellings equal under Unicode canonical equivalence (they decode to one Swift key).
/// Text that is not valid JSON is left for the decoder to report.
public enum JSONKeyScanner {
    /// What the scan found.
    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        /// The dotted path of the second occurrence, e.g. `organisation.directCare.provides`.
        case duplicateKey(String)
        case tooDeep(limit: Int)

        public var description: String {
            switch self {
            case .duplicateKey(let path): "has the key \(path) twice"
            case .tooDeep(let limit): "nests objects and lists deeper than \(limit) levels"
            }
        }
    }

    /// Deepest nesting accepted.
    public static let maximumDepth = 64

    /// The first problem in `bytes`, or nil.
    public static func firstProblem<Bytes: Collection<UInt8>>(in bytes: Bytes) -> Problem? {
        let bytes = Array(bytes)
        var stack: [Frame] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < maximumDepth else { return .tooDeep(limit: maximumDepth) }
                stack.append(Frame(isObject: bytes[index] == UInt8(ascii: "{")))
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
                index += 1
            case UInt8(ascii: ","):
                if let last = stack.indices.last {
                    stack[last].expectingKey = stack[last].isObject
                    stack[last].element += 1
                }
                index += 1
            case UInt8(ascii: "\""):
                guard let (text, end) = decodeString(bytes, from: index) else { return nil }
                index = end
                guard let last = stack.indices.last, stack[last].isObject, stack[last].expectingKey else { continue }
                stack[last].expectingKey = false
                stack[last].key = text
                if !stack[last].keys.insert(text).inserted { return .duplicateKey(path(stack)) }
            default:
                index += 1
            }
        }
        return nil
    }

    private struct Frame {
        let isObject: Bool
        var expectingKey: Bool
        var keys: Set<String> = []
        var key = ""
        var element = 0

        init(isObject: Bool) {
            self.isObject = isObject
            expectingKey = isObject
        }
    }

    private static func path(_ stack: [Frame]) -> String {
        var path = ""
        for frame in stack {
            if frame.isObject {
                path += path.isEmpty ? frame.key : ".\(frame.key)"
            } else {
                path += "[\(frame.element)]"
            }
        }
        return path
    }

    /// The decoded string starting at the quote at `start`, and the index after its closing quote.
    private static func decodeString(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        var index = start + 1
        func flush() -> Bool {
            guard !raw.isEmpty else { return true }
            guard let text = String(validating: raw, as: UTF8.self) else { return false }
            scalars.append(contentsOf: text.unicodeScalars)
            raw.removeAll(keepingCapacity: true)
            return true
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard flush() else { return nil }
                return (String(scalars), index + 1)
            }
            guard byte == UInt8(ascii: "\\") else {
                raw.append(byte)
                index += 1
                continue
            }
            guard flush(), index + 1 < bytes.count else { return nil }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "u"):
                guard var unit = hex4(bytes, at: index) else { return nil }
                index += 4
                if (0xD800..<0xDC00).contains(unit), index + 6 <= bytes.count,
                   bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                   let low = hex4(bytes, at: index + 2), (0xDC00..<0xE000).contains(low) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            default: scalars.append(Unicode.Scalar(escaped))
            }
        }
        return nil
    }

    private static func hex4(_ bytes: [UInt8], at index: Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = hexDigit(byte) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
