import Foundation

/// The private copy of a bundle's listed files that every check reads. Each file is read exactly once,
/// through a descriptor opened inside the bundle, and hashed as it is copied, so the bytes a check
/// judges are the bytes whose SHA-256 was compared with the signed manifest, whatever happens to the
/// original afterwards. A bundle that is already a private copy (an unpacked zip) is hashed in place.
final class EvidenceSnapshot: Sendable {
    private let storage: TemporaryDirectory?
    /// The folder holding the original files, for in-place snapshots.
    private let privateRoot: URL?

    /// A snapshot that copies each file into a new private folder.
    static func copying() throws(InputError) -> EvidenceSnapshot {
        EvidenceSnapshot(storage: try TemporaryDirectory(prefix: "lcr-snapshot"), privateRoot: nil)
    }

    /// A snapshot of a folder that is already private to this process (our own unpacked zip).
    static func inPlace(privateRoot: URL) -> EvidenceSnapshot {
        EvidenceSnapshot(storage: nil, privateRoot: privateRoot)
    }

    private init(storage: TemporaryDirectory?, privateRoot: URL?) {
        self.storage = storage
        self.privateRoot = privateRoot
    }

    /// What taking one file found.
    struct Taken {
        let url: URL
        let sha256: String
        let bytes: Int64
    }

    /// Why one file could not be taken.
    enum Failure: Error {
        case tooLarge
        case unreadable(String)
    }

    /// Reads `descriptor` to its end (at most `limit` bytes), hashing it and, unless in place, copying it
    /// to a private file named by `index`. `path` is the file's path in the bundle.
    func take(_ descriptor: Int32, path: String, index: Int, limit: Int64) -> Result<Taken, Failure> {
        let destination: URL
        var output: Int32 = -1
        if let privateRoot {
            destination = privateRoot.appendingPathComponent(path)
        } else {
            guard let storage else { return .failure(.unreadable("no snapshot folder")) }
            destination = storage.url.appendingPathComponent("evidence-\(index)")
            output = open(destination.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard output >= 0 else { return .failure(.unreadable("cannot copy it privately (\(SystemError(errno)))")) }
        }
        defer { if output >= 0 { close(output) } }
        do {
            let hasher = try SHA256Stream()
            var total: Int64 = 0
            var buffer = [UInt8](repeating: 0, count: Self.chunkBytes)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(.unreadable("\(SystemError(errno))"))
                }
                if count == 0 { break }
                total += Int64(count)
                guard total <= limit else { return .failure(.tooLarge) }
                try buffer.withUnsafeBytes { raw in
                    let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                    try hasher.update(chunk)
                    if output >= 0 {
                        do { try DescriptorWriter.writeAll(chunk, to: output) } catch { throw WriteFailed(reason: "\(error)") }
                    }
                }
            }
            return .success(Taken(url: destination, sha256: try hasher.finish(), bytes: total))
        } catch let error as WriteFailed {
            return .failure(.unreadable("cannot copy it privately (\(error.reason))"))
        } catch {
            return .failure(.unreadable("\(error)"))
        }
    }

    static let chunkBytes = 1 << 20

    private struct WriteFailed: Error {
        let reason: String
    }
}
