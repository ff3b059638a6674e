import Foundation

/// Turns manifest bytes into a `Manifest`, or a one-line reason naming the field that is wrong.
public enum ManifestParser {
    /// The largest manifest accepted; a real one is a few kilobytes.
    public static let maximumBytes = 1 << 20
    /// The most staff an organisation may declare (the whole NHS in England employs about 1.5 million).
    public static let maximumStaffCount = 10_000_000

    public static func parse(_ bytes: Data) -> Result<Manifest, ManifestProblem> {
        guard bytes.count <= maximumBytes else {
            return .failure(ManifestProblem("is \(bytes.count) bytes, more than the \(maximumBytes) allowed"))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(ManifestProblem("is not valid UTF-8"))
        }
        if let problem = JSONKeyScanner.firstProblem(in: bytes) {
            return .failure(ManifestProblem("\(problem): decoders disagree on which value counts"))
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: bytes)
        } catch let error as DecodingError {
            return .failure(ManifestProblem(describe(error)))
        } catch {
            return .failure(ManifestProblem("is not valid JSON"))
        }
        if let problem = validate(manifest) { return .failure(problem) }
        return .success(manifest)
    }

    private static func validate(_ manifest: Manifest) -> ManifestProblem? {
        if manifest.format != Manifest.format {
            return ManifestProblem("field format: expected \"\(Manifest.format)\", found \"\(manifest.format.prefix(64))\"")
        }
        if !ODSCode.isValid(manifest.organisation.odsCode) {
            return ManifestProblem("field organisation.odsCode: \"\(manifest.organisation.odsCode.prefix(64))\" is not an ODS code (1-9 letters and digits)")
        }
        if manifest.organisation.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return ManifestProblem("field organisation.name: is empty")
        }
        if let staff = manifest.organisation.staffCount, staff <= 0 {
            return ManifestProblem("field organisation.staffCount: must be a positive number, found \(staff)")
        }
        if let staff = manifest.organisation.staffCount, staff > maximumStaffCount {
            return ManifestProblem("field organisation.staffCount: must be at most \(maximumStaffCount), found \(staff)")
        }
        for (index, entry) in manifest.evidence.enumerated() where !SHA256Digest.isHex(entry.sha256) {
            return ManifestProblem("field evidence[\(index)].sha256: \"\(entry.sha256.prefix(80))\" is not 64 hexadecimal digits")
        }
        return nil
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
                .joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "field \(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue): is missing"
        case .typeMismatch(let type, let context):
            return "field \(path(context.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "field \(path(context.codingPath)): expected \(typeName(type)), found null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "is not valid JSON" }
            return "field \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "is not a valid manifest"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of strings"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
