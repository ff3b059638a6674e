import Foundation
import PartnerRegistry

/// A fresh temporary folder for one test, removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("registry-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    var dataDirectory: DataDirectory { DataDirectory(url.appendingPathComponent("data", isDirectory: true)) }

    /// Writes `bytes` to a file in the scratch folder and returns its path.
    @discardableResult
    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    /// Names of every file under `folder`, relative to it, sorted.
    func listing(_ folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: base)
        return (enumerator?.allObjects as? [String] ?? []).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }
}
