import Foundation

/// Reads a policy file (`--policy FILE`): JSON whose keys merge, object by object, over
/// `Policy.defaults`, so a file need only name what it changes. A list replaces the default
/// list whole.
///
/// Every problem is an `InputError` naming the file and the key path, e.g.
/// `policy.json: unknown key training.minimumPercent` or
/// `policy.json: training.validityDays must be a whole number`; values out of range are refused
/// the same way (see `PolicyValidator`), and so is a file that names a key twice (JSON decoders
/// disagree on which one wins). The file is read only when it is a regular file within `maximumBytes`.
public enum PolicyLoader {
    /// The largest policy file read; a real one is a few kilobytes.
    public static let maximumBytes = 1 << 20

    /// Loads the policy file at `path` (named in errors as given).
    public static func load(path: String) throws(InputError) -> Policy {
        try parse(InputFile.read(path, limit: maximumBytes), source: path)
    }

    /// The effective policy for the JSON in `data`; `source` names it in errors.
    public static func parse(_ data: Data, source: String) throws(InputError) -> Policy {
        guard data.count <= maximumBytes else {
            throw InputError(source, "is larger than the \(maximumBytes) bytes a policy file may have")
        }
        if let problem = JSONKeyScanner.firstProblem(in: data) { throw InputError(source, problem.description) }
        let overrides: JSONValue
        do {
            overrides = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw InputError(source, "is not valid JSON")
        }
        guard case .object = overrides else { throw InputError(source, "must be a JSON object") }
        let merged = try merge(overrides, over: defaultsTree(), path: [], source: source)
        if let fraction = firstFraction(in: merged, at: wholeNumberPaths) {
            throw InputError(source, "\(fraction) must be a whole number")
        }
        let policy: Policy
        do {
            policy = try JSONDecoder().decode(Policy.self, from: JSONEncoder().encode(merged))
        } catch let error as DecodingError {
            throw InputError(source, describe(error))
        } catch {
            throw InputError(source, "cannot be read as a policy")
        }
        if let problem = PolicyValidator.problem(in: policy) { throw InputError(source, problem) }
        return policy
    }

    private static func defaultsTree() -> JSONValue {
        // The defaults are plain values that always round-trip.
        (try? JSONDecoder().decode(JSONValue.self, from: Policy.defaults.canonicalJSON())) ?? .object([:])
    }

    /// Key paths of the policy's whole-number fields (`training.validityDays`), found by reflection
    /// because JSON cannot tell `95` the whole number from `95` the number.
    private static let wholeNumberPaths: Set<String> = {
        var paths: Set<String> = []
        func walk(_ value: Any, _ path: String) {
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                let childPath = path.isEmpty ? label : "\(path).\(label)"
                switch child.value {
                case is Int, is Int64: paths.insert(childPath)
                case is String, is Double, is Bool, is [String]: break
                default: walk(child.value, childPath)
                }
            }
        }
        walk(Policy.defaults, "")
        return paths
    }()

    /// The first key path in `paths` whose value in `tree` has a fractional part.
    private static func firstFraction(in tree: JSONValue, at paths: Set<String>) -> String? {
        paths.sorted().first { path in
            var node = tree
            for key in path.split(separator: ".") {
                guard case .object(let members) = node, let next = members[String(key)] else { return false }
                node = next
            }
            if case .number = node { return true }
            return false
        }
    }

    /// `overrides` laid over `defaults`: objects merge key by key, anything else replaces.
    private static func merge(_ overrides: JSONValue, over defaults: JSONValue, path: [String], source: String) throws(InputError) -> JSONValue {
        guard case .object(let defaultMembers) = defaults else { return overrides }
        guard case .object(let members) = overrides else {
            throw InputError(source, "\(path.joined(separator: ".")) must be an object")
        }
        var merged = defaultMembers
        for key in members.keys.sorted() {
            let keyPath = path + [key]
            guard let defaultValue = defaultMembers[key], let value = members[key] else {
                throw InputError(source, "unknown key \(keyPath.joined(separator: "."))")
            }
            merged[key] = try merge(value, over: defaultValue, path: keyPath, source: source)
        }
        return .object(merged)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            return "\(DecodingProblem.path(context.codingPath)) must be \(DecodingProblem.typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(DecodingProblem.path(context.codingPath)) must be \(DecodingProblem.typeName(type)), not null"
        case .keyNotFound(let key, let context):
            return "\(DecodingProblem.path(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            return "\(DecodingProblem.path(context.codingPath)) has a value out of range"
        @unknown default:
            return "cannot be read as a policy"
        }
    }
}
