import Foundation
@testable import EvidenceVerifier

extension ZipExtractor {
    /// Opens the archive at `url` the way `EvidenceBundleReader` does and unpacks it.
    func extract(_ url: URL) throws(InputError) -> (storage: TemporaryDirectory, root: URL) {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(url.path, "cannot be opened (\(SystemError(errno)))") }
        defer { close(descriptor) }
        return try extract(descriptor: descriptor, name: url.path)
    }
}
