import Foundation

/// The content-addressed store of submitted bundles (and the signed ISAs of approvals):
/// `DIR/evidence/sha256/ab/<hex>.zip`, named by the SHA-256 of the file's bytes. A file is first copied
/// to a private name in `DIR/incoming/` while its digest is computed and flushed to disk (`stage`); once
/// the caller has looked at that copy, it is linked to its name without overwriting (an existing file of
/// that name holds the same bytes and is kept) and the folder is flushed (`keep`). Nothing here deletes or
/// rewrites a stored file.
public struct EvidenceStore: Sendable {
    public let dataDirectory: DataDirectory
    /// The largest bundle the store accepts.
    public let maximumBytes: Int64

    public init(dataDirectory: DataDirectory, maximumBytes: Int64 = 1 << 32) {
        self.dataDirectory = dataDirectory
        self.maximumBytes = maximumBytes
    }

    /// The stored file for a digest, relative to the data folder.
    public func relativePath(sha256: String, fileExtension: String = "zip") -> String {
        "evidence/sha256/\(sha256.prefix(2))/\(sha256).\(fileExtension)"
    }

    public func url(sha256: String, fileExtension: String = "zip") -> URL {
        dataDirectory.root.appendingPathComponent(relativePath(sha256: sha256, fileExtension: fileExtension))
    }

    /// The stored file with this digest, when there is one.
    public func existing(sha256: String, fileExtension: String = "zip") -> StoredEvidence? {
        guard Self.isDigest(sha256) else { return nil }
        var status = stat()
        let url = url(sha256: sha256, fileExtension: fileExtension)
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return StoredEvidence(
            sha256: sha256, bytes: Int64(status.st_size), relativePath: relativePath(sha256: sha256, fileExtension: fileExtension),
            url: url, isNew: false)
    }

    /// Copies everything `source` holds (from offset 0, in bounded chunks) into a private file under
    /// `incoming/` while `digest` hashes it. `name` is used in errors. When `expectedSha256` is given, a
    /// copy whose bytes do not have that digest is refused (the source changed while being read).
    public func stage(
        from source: Int32, name: String, digest: some ContentDigest, expectedSha256: String? = nil
    ) throws(RegistryError) -> StagedEvidence {
        var digest = digest
        let staging = dataDirectory.incomingFolder
        try DataDirectory.createFolder(staging)
        let temporary = staging.appendingPathComponent(".evidence-\(UUID().uuidString).tmp")
        let output = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o440)
        guard output >= 0 else { throw RegistryError.system(errno, path: temporary.path, doing: "create a file") }
        var staged = false
        defer { if !staged { unlink(temporary.path) } }
        let copied: Int64
        do {
            defer { close(output) }
            copied = try copy(from: source, name: name, to: output, temporaryPath: temporary.path, digest: &digest)
            try FileSync.flush(output, path: temporary.path)
        }
        let sha256 = digest.finish()
        guard Self.isDigest(sha256) else {
            throw RegistryError.invalidValue(field: "digest", reason: "\"\(sha256)\" is not a SHA-256 in lower-case hex")
        }
        if let expectedSha256, expectedSha256 != sha256 {
            throw RegistryError.fileProblem(path: name, reason: "changed while it was being stored (SHA-256 \(sha256), expected \(expectedSha256)); refused")
        }
        staged = true
        return StagedEvidence(url: temporary, sha256: sha256, bytes: copied)
    }

    /// Keeps a staged copy as `evidence/sha256/ab/<hex>.<fileExtension>` (`zip` for bundles): linked to
    /// its name without overwriting (a file already there holds the same bytes and is kept instead).
    public func keep(_ staged: StagedEvidence, fileExtension: String = "zip") throws(RegistryError) -> StoredEvidence {
        guard (1...8).contains(fileExtension.utf8.count),
            fileExtension.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) })
        else {
            throw RegistryError.invalidValue(field: "fileExtension", reason: "\"\(fileExtension)\" is not 1–8 lower-case letters and digits")
        }
        let target = url(sha256: staged.sha256, fileExtension: fileExtension)
        let folder = target.deletingLastPathComponent()
        try DataDirectory.createFolder(folder)
        if link(staged.url.path, target.path) != 0 {
            guard errno == EEXIST, let kept = existing(sha256: staged.sha256, fileExtension: fileExtension) else {
                throw RegistryError.system(errno, path: target.path, doing: "store the file")
            }
            return kept
        }
        try FileSync.folder(folder)
        return StoredEvidence(
            sha256: staged.sha256, bytes: staged.bytes, relativePath: relativePath(sha256: staged.sha256, fileExtension: fileExtension),
            url: target, isNew: true)
    }

    /// `stage` then `keep`, for a file that needs no look before it is kept.
    public func store(
        from source: Int32, name: String, digest: some ContentDigest, expectedSha256: String? = nil, fileExtension: String = "zip"
    ) throws(RegistryError) -> StoredEvidence {
        try keep(try stage(from: source, name: name, digest: digest, expectedSha256: expectedSha256), fileExtension: fileExtension)
    }

    /// Removes private copies in `incoming/` that a run killed half-way left behind: hidden temporary
    /// files last changed more than `age` seconds before `now` (a copy in progress is always newer).
    /// Stored files are never touched. Returns how many were removed.
    @discardableResult
    public func removeAbandonedStaging(olderThan age: TimeInterval = 86_400, now: Date) -> Int {
        let folder = dataDirectory.incomingFolder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(".") && (name.hasSuffix(".tmp") || name.hasSuffix(".zip")) {
            let path = folder.appendingPathComponent(name).path
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                Double(status.st_mtim.tv_sec) < now.timeIntervalSince1970 - age, unlink(path) == 0
            else { continue }
            removed += 1
        }
        return removed
    }

    private func copy(
        from source: Int32, name: String, to output: Int32, temporaryPath: String, digest: inout some ContentDigest
    ) throws(RegistryError) -> Int64 {
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset: Int64 = 0
        while true {
            let count = pread(source, buffer.baseAddress!, chunk, off_t(offset))
            if count < 0 {
                if errno == EINTR { continue }
                throw RegistryError.fileProblem(path: name, reason: "cannot be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { return offset }
            offset += Int64(count)
            guard offset <= maximumBytes else {
                throw RegistryError.fileProblem(path: name, reason: "is larger than the \(maximumBytes) bytes the evidence store accepts")
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            digest.update(bytes)
            var written = 0
            while written < count {
                let result = write(output, bytes.baseAddress! + written, count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw RegistryError.system(errno, path: temporaryPath, doing: "write the stored copy")
                }
                written += result
            }
        }
    }

    static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
