import Foundation

/// Unpacks a zip bundle into a private (0700) temporary folder with `ZipReader`, refusing hostile or damaged
/// archives with one `InputError` line; on any refusal the folder and everything written into it is removed.
struct ZipExtractor {
    let limits: Policy.Evidence

    /// The folder holding the unpacked bundle (the archive's single top folder when it has one), read from
    /// the archive already open on `descriptor` (so the file judged is the file that was opened); `name` is
    /// used in messages.
    func extract(descriptor: Int32, name: String) throws(InputError) -> (storage: TemporaryDirectory, root: URL) {
        let storage = try TemporaryDirectory(prefix: "lcr-bundle")
        try ZipReader(limits: limits).extract(descriptor: descriptor, name: name, into: storage.url)
        return (storage, Self.bundleRoot(in: storage.url))
    }

    /// A zip "of a folder" holds one top folder with the manifest inside: use that folder as the root.
    private static func bundleRoot(in folder: URL) -> URL {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) { return folder }
        let children = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        if children.count == 1 {
            let only = folder.appendingPathComponent(children[0], isDirectory: true)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: only.path, isDirectory: &isDirectory), isDirectory.boolValue,
               manager.fileExists(atPath: only.appendingPathComponent("manifest.json").path) {
                return only
            }
        }
        return folder
    }
}
