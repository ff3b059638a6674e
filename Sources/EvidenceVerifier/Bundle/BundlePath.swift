/// Checks the relative paths a manifest or a zip names, before anything is opened.
enum BundlePath {
    /// Longest path accepted, in bytes.
    static let maximumLength = 1024

    /// Nil when `path` is a plain relative path inside the bundle, else why it is refused.
    static func problem(with path: String) -> String? {
        if path.isEmpty { return "is empty" }
        if path.utf8.count > maximumLength { return "is longer than \(maximumLength) bytes" }
        if path.hasPrefix("/") { return "is absolute" }
        if path.contains("\\") { return "contains a backslash" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) { return "contains a control character" }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains("..") { return "climbs out of the bundle with '..'" }
        if components.dropLast().contains("") || components.contains(".") { return "is not a normalised path" }
        return nil
    }
}
