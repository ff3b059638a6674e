import Foundation

/// A private (0700) temporary folder removed when the last reference goes.
final class TemporaryDirectory: Sendable {
    let url: URL

    init(prefix: String) throws(InputError) {
        var template = Array((FileManager.default.temporaryDirectory.path + "/\(prefix)-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw InputError(FileManager.default.temporaryDirectory.path, "cannot create a private temporary folder")
        }
        url = URL(fileURLWithPath: String(cString: created), isDirectory: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
