import Foundation

/// The manifest of a bundle folder being assembled, read through the same rules as verification
/// (regular file, no link, size limit, `ManifestParser`); every problem is one `InputError` naming it.
enum ManifestFile {
    /// Reads and validates the manifest of the bundle folder `folder` (the manifest `bundle init` wrote).
    static func read(in folder: URL) throws(InputError) -> Manifest {
        let path = folder.appendingPathComponent(EvidenceBundleReader.manifestName).path
        let directory = try BundleDirectory(folder)
        switch directory.readSmallFile(EvidenceBundleReader.manifestName, limit: ManifestParser.maximumBytes) {
        case .failure(.open(.missing)):
            throw InputError(path, "does not exist; start the bundle with lcr-verify bundle init")
        case .failure(.open(.link)):
            throw InputError(path, "is a symbolic link; refused")
        case .failure(.open(.notARegularFile)):
            throw InputError(path, "is not a regular file; refused")
        case .failure(.open(.unreadable(let reason))):
            throw InputError(path, "cannot be read (\(reason))")
        case .failure(.tooLarge(let size)):
            throw InputError(path, "is \(size) bytes, more than the \(ManifestParser.maximumBytes) allowed")
        case .success(let bytes):
            switch ManifestParser.parse(bytes) {
            case .success(let manifest): return manifest
            case .failure(let problem): throw InputError(path, problem.problem)
            }
        }
    }
}
