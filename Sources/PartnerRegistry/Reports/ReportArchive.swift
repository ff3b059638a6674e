import Foundation

/// Where signed reports are kept: `DIR/reports/<ODS>/<ODS>-<yyyyMMddTHHmmssZ>.json` plus `.json.p7s`,
/// named by the verification's as-of instant, with `-2`, `-3`, … added when that name is taken.
/// `publish` writes both files under temporary names, flushes them, and links each to its name without
/// overwriting, the signature first; a name taken meanwhile moves on to the next suffix. Nothing is
/// ever overwritten or deleted. A caller filing many reports at once may skip the per-file flush and
/// flush the whole file system once (`DataDirectory.flushFileSystem`) before recording them.
public struct ReportArchive: Sendable {
    public let dataDirectory: DataDirectory

    public init(dataDirectory: DataDirectory) {
        self.dataDirectory = dataDirectory
    }

    /// The folder of one organisation's reports, created when missing.
    public func folder(odsCode: String) throws(RegistryError) -> URL {
        guard Self.isODSCode(odsCode) else {
            throw RegistryError.invalidValue(field: "odsCode", reason: "\"\(odsCode)\" is not 1–9 letters and digits")
        }
        let folder = dataDirectory.reportsFolder.appendingPathComponent(odsCode, isDirectory: true)
        try DataDirectory.createFolder(folder)
        return folder
    }

    /// The report file name for `attempt` (1, 2, 3, …): `<ODS>-<stamp>[-N].json`.
    public static func fileName(odsCode: String, stamp: String, attempt: Int) -> String {
        "\(odsCode)-\(stamp)\(attempt > 1 ? "-\(attempt)" : "").json"
    }

    /// Writes a signed report (its exact JSON bytes and detached signature) under the first free name for
    /// `stamp`, the as-of instant as `yyyyMMddTHHmmssZ` (the report layer formats it); returns the JSON
    /// file's location and its path relative to the data folder.
    public func publish(
        json: Data, signature: Data, odsCode: String, stamp: String, flush: Bool = true
    ) throws(RegistryError) -> (url: URL, relativePath: String) {
        guard stamp.utf8.count == 16, stamp.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x54 || $0 == 0x5A }) else {
            throw RegistryError.invalidValue(field: "stamp", reason: "\"\(stamp)\" is not yyyyMMddTHHmmssZ")
        }
        let folder = try folder(odsCode: odsCode)
        let staged = try [json, signature].map { bytes throws(RegistryError) in try stage(bytes, in: folder, flush: flush) }
        defer { for temporary in staged { unlink(temporary.path) } }
        var attempt = 1
        while true {
            let target = folder.appendingPathComponent(Self.fileName(odsCode: odsCode, stamp: stamp, attempt: attempt))
            let signatureTarget = target.appendingPathExtension("p7s")
            attempt += 1
            if Self.exists(target) { continue }
            guard try Self.linkFresh(staged[1], to: signatureTarget) else { continue }
            guard try Self.linkFresh(staged[0], to: target) else {
                unlink(signatureTarget.path)  // ours, made a moment ago; the name is someone else's report
                continue
            }
            if flush { try FileSync.folder(folder) }
            return (target, "reports/\(odsCode)/\(target.lastPathComponent)")
        }
    }

    private func stage(_ bytes: Data, in folder: URL, flush: Bool) throws(RegistryError) -> URL {
        let temporary = folder.appendingPathComponent(".report-\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o440)
        guard descriptor >= 0 else { throw RegistryError.system(errno, path: temporary.path, doing: "create a file") }
        defer { close(descriptor) }
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }
        if let failure {
            unlink(temporary.path)
            throw RegistryError.system(failure, path: temporary.path, doing: "write the report")
        }
        do {
            if flush { try FileSync.flush(descriptor, path: temporary.path) }
        } catch {
            unlink(temporary.path)
            throw error
        }
        return temporary
    }

    /// Links `source` to `target` when `target` is free; false when it is taken.
    private static func linkFresh(_ source: URL, to target: URL) throws(RegistryError) -> Bool {
        if link(source.path, target.path) == 0 { return true }
        if errno == EEXIST { return false }
        throw RegistryError.system(errno, path: target.path, doing: "write the report")
    }

    private static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    static func isODSCode(_ text: String) -> Bool {
        (1...9).contains(text.utf8.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }
}
