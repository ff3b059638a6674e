import Foundation

/// Where a listed file's bytes are held once the bundle has been read, so that a check reads exactly the
/// bytes that were hashed: small files in memory, large CSV evidence as a stream read once while it is
/// parsed, other large files as a private copy.
public enum EvidenceBytes: Sendable {
    /// Files up to `memoryLimit` bytes, read once and hashed.
    case memory(Data)
    /// A large file of a kind one check streams (`training-records`, `user-accounts`) and that no detached
    /// signature covers: not read yet; it is hashed while that check parses it.
    case stream(EvidenceStream)
    /// A large file that is read more than once (a detached signature covers it, or its kind is not streamed):
    /// a private copy, made and hashed as the original was read once, or our own unpacked zip.
    case privateFile(URL)

    /// Files up to this size are held in memory.
    static let memoryLimit: Int64 = 4 << 20

    /// Kinds whose large files are streamed: each has one reader that parses it once, in order.
    static let streamedKinds: Set<String> = [EvidenceKind.trainingRecords.rawValue, EvidenceKind.userAccounts.rawValue]

    /// Hands the bytes to `body` in order, in chunks; fails only when a private copy cannot be read.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) -> Void) -> Result<Void, ReadFailure> {
        switch self {
        case .memory(let data):
            data.withUnsafeBytes { body($0) }
            return .success(())
        case .stream(let stream):
            let measured = stream.read(body)
            return measured.problem.map { .failure(ReadFailure(reason: $0)) } ?? .success(())
        case .privateFile(let url):
            let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return .failure(ReadFailure(reason: "\(SystemError(errno))")) }
            defer { close(descriptor) }
            do {
                _ = try DescriptorChunks.read(descriptor, body)
                return .success(())
            } catch DescriptorChunks.Failure.unreadable(let reason) {
                return .failure(ReadFailure(reason: reason))
            } catch {
                return .failure(ReadFailure(reason: "\(error)"))
            }
        }
    }

    /// All the bytes, at most `limit` of them (nil when there are more), for evidence read whole
    /// (certificates, signed content); a stream is never read whole.
    func data(limit: Int) -> Result<Data?, ReadFailure> {
        switch self {
        case .memory(let data):
            return .success(data.count <= limit ? data : nil)
        case .stream:
            return .failure(ReadFailure(reason: "it is too large to be read whole"))
        case .privateFile(let url):
            do {
                let handle = try FileHandle(forReadingFrom: url)
                defer { try? handle.close() }
                let data = try handle.read(upToCount: limit + 1) ?? Data()
                return .success(data.count <= limit ? data : nil)
            } catch {
                return .failure(ReadFailure(reason: "\(error)"))
            }
        }
    }

    /// Why the bytes could not be read.
    struct ReadFailure: Error {
        let reason: String
    }
}
