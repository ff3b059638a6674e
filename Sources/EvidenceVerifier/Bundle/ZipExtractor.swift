import Foundation
import ZIPFoundation

/// Unpacks a zip bundle into a private temporary folder, refusing hostile archives: entries that
/// climb out or are links, too many entries, entries or totals too large once uncompressed
/// (counted on the bytes actually produced, not the sizes the archive claims), or compression
/// ratios of a zip bomb. Nothing is written outside that folder.
struct ZipExtractor {
    let limits: Policy.Evidence

    /// The folder holding the unpacked bundle (the archive's single top folder when it has one).
    func extract(_ archiveURL: URL) throws -> (storage: TemporaryDirectory, root: URL) {
        let name = archiveURL.path
        let archive: Archive
        do {
            archive = try Archive(url: archiveURL, accessMode: .read)
        } catch {
            throw InputError(name, "is not a readable zip archive")
        }
        let storage = try TemporaryDirectory(prefix: "lcr-bundle")
        var entryCount = 0
        var totalBytes: Int64 = 0
        for entry in archive {
            entryCount += 1
            guard entryCount <= limits.maximumZipEntries else {
                throw InputError(name, "has more than \(limits.maximumZipEntries) entries; refused")
            }
            let path = entry.path
            if let problem = BundlePath.problem(with: path.hasSuffix("/") ? String(path.dropLast()) : path) {
                throw InputError(name, "entry \"\(path.prefix(200))\" \(problem); refused")
            }
            switch entry.type {
            case .symlink:
                throw InputError(name, "entry \"\(path)\" is a symbolic link; refused")
            case .directory:
                try FileManager.default.createDirectory(
                    at: storage.url.appendingPathComponent(path), withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            case .file:
                let claimed = Int64(clamping: entry.uncompressedSize)
                guard claimed <= limits.maximumZipEntryBytes else {
                    throw InputError(name, "entry \"\(path)\" would unpack to \(claimed) bytes, more than the \(limits.maximumZipEntryBytes) allowed; refused")
                }
                let written = try write(entry, of: archive, to: storage.url.appendingPathComponent(path), archiveName: name, totalSoFar: totalBytes)
                totalBytes += written
            }
        }
        return (storage, Self.bundleRoot(in: storage.url))
    }

    /// Streams one entry to a new file, stopping as soon as a limit is passed.
    private func write(_ entry: Entry, of archive: Archive, to destination: URL, archiveName: String, totalSoFar: Int64) throws -> Int64 {
        try FileManager.default.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let descriptor = open(destination.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw InputError(archiveName, "entry \"\(entry.path)\" appears twice or cannot be unpacked; refused")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let compressed = max(Int64(clamping: entry.compressedSize), 1)
        var written: Int64 = 0
        let limits = self.limits
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                written += Int64(chunk.count)
                if written > limits.maximumZipEntryBytes {
                    throw LimitExceeded("entry \"\(entry.path)\" unpacks to more than \(limits.maximumZipEntryBytes) bytes")
                }
                if totalSoFar + written > limits.maximumZipTotalBytes {
                    throw LimitExceeded("unpacks to more than \(limits.maximumZipTotalBytes) bytes in total")
                }
                if written > 1 << 20, written / compressed > Int64(limits.maximumCompressionRatio) {
                    throw LimitExceeded("entry \"\(entry.path)\" has a compression ratio above \(limits.maximumCompressionRatio):1 (a zip bomb)")
                }
                try handle.write(contentsOf: chunk)
            }
        } catch let error as LimitExceeded {
            throw InputError(archiveName, "\(error.reason); refused")
        } catch {
            throw InputError(archiveName, "entry \"\(entry.path)\" is corrupt (\(error))")
        }
        return written
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

    private struct LimitExceeded: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
