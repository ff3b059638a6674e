import EvidenceVerifier
import Foundation
import Hummingbird
import PartnerRegistry

/// Streams a request body into a private file in the data folder's `incoming/` (never whole in memory),
/// refusing it with 413 as soon as it passes the limit. The file is hidden (`.upload-<uuid>.zip`), so a
/// crash mid-upload leaves only what `EvidenceStore.removeAbandonedStaging` removes; the caller removes it
/// when done.
struct UploadReceiver {
    let dataDirectory: DataDirectory
    let maximumBytes: Int64

    /// The received file and its size; the file is removed when this goes away.
    final class Received {
        let url: URL
        let bytes: Int64

        init(url: URL, bytes: Int64) {
            self.url = url
            self.bytes = bytes
        }

        deinit { unlink(url.path) }
    }

    func receive(_ body: RequestBody, counting facts: RequestFacts) async throws -> Received {
        let folder = dataDirectory.incomingFolder
        try DataDirectory.createFolder(folder)
        let url = folder.appendingPathComponent(".upload-\(UUID().uuidString).zip")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw RegistryError.fileProblem(path: url.path, reason: "cannot be created (\(SystemError(errno)))") }
        var complete = false
        defer { if !complete { unlink(url.path) } }
        var total: Int64 = 0
        do {
            defer { close(descriptor) }
            var iterator = body.makeAsyncIterator()
            while let buffer = try await Self.next(&iterator) {
                total += Int64(buffer.readableBytes)
                facts.bodyBytes = total
                guard total <= maximumBytes else { throw Self.tooLarge(maximumBytes) }
                try buffer.withUnsafeReadableBytes { bytes in try DescriptorWriter.writeAll(bytes, to: descriptor) }
            }
        }
        complete = true
        return Received(url: url, bytes: total)
    }

    /// The next part of the body; a connection that closed or was cut off (too slow) is 408, with nothing kept.
    private static func next(_ iterator: inout RequestBody.AsyncIterator) async throws -> ByteBuffer? {
        do {
            return try await iterator.next()
        } catch {
            throw APIError(.requestTimeout, "the upload stopped before its end or was too slow; nothing was kept")
        }
    }

    static func tooLarge(_ limit: Int64) -> APIError {
        APIError(.contentTooLarge, "the upload is larger than the \(limit) bytes this service takes (intake.maximumUploadBytes)")
    }
}
