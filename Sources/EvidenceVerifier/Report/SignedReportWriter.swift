import Foundation

/// Writes a report as `<ODS>-<yyyyMMddTHHmmssZ>.json` plus its detached DER CMS signature `.p7s`,
/// never overwriting anything (DESIGN §7): when the name is taken (by a report, a folder, anything),
/// `-2`, `-3`, … is added. Both files are staged under temporary names in the target folder and
/// synced, then linked to their final names with `link(2)`, which refuses an existing name even when
/// another writer races us; the JSON first, the signature last. On any failure whatever was written is
/// removed, so no `.p7s` is left without its report and no report half-written.
public struct SignedReportWriter: Sendable {
    public let identity: SigningIdentity
    let folder: SignedReportFolder

    public init(identity: SigningIdentity) {
        self.init(identity: identity, linkFile: { Glibc.link($0, $1) })
    }

    init(identity: SigningIdentity, linkFile: @escaping @Sendable (String, String) -> Int32) {
        self.identity = identity
        self.folder = SignedReportFolder(linkFile: linkFile)
    }

    /// The report's file name for its organisation and as-of instant (before any `-2` suffix).
    public static func fileName(for report: VerificationReport) -> String {
        SignedReportFolder.fileName(for: report)
    }

    /// Signs `json` (the report's exact bytes) and writes both files into `directory`; returns the JSON path.
    @discardableResult
    public func write(_ report: VerificationReport, json: Data, to directory: URL) throws(InputError) -> URL {
        let odsCode = report.organisation.odsCode
        guard ODSCode.isValid(odsCode) else {
            throw InputError(String(odsCode.prefix(64)), "is not an ODS code, so no report file is named after it")
        }
        let signature: Data
        do {
            signature = try identity.signDetached(json)
        } catch {
            throw InputError("--signing-key", "cannot sign the report (\(error))")
        }
        return try folder.place(report, json: json, signature: signature, in: directory)
    }
}

/// Places a signed report's two files in a folder under the report's name, never overwriting (see
/// `SignedReportWriter`): used for reports signed here and for signed reports fetched from the service.
public struct SignedReportFolder: Sendable {
    /// The most names tried (`NAME.json`, `NAME-2.json`, … `NAME-100.json`) before giving up.
    public static let maximumAttempts = 100

    /// `link(2)`, or in tests a stand-in that fails part-way.
    let linkFile: @Sendable (String, String) -> Int32

    public init() {
        self.init(linkFile: { Glibc.link($0, $1) })
    }

    init(linkFile: @escaping @Sendable (String, String) -> Int32) {
        self.linkFile = linkFile
    }

    static func fileName(for report: VerificationReport) -> String {
        "\(baseName(for: report)).json"
    }

    private static func baseName(for report: VerificationReport) -> String {
        "\(report.organisation.odsCode)-\(ISOInstant.fileStamp(report.asOf))"
    }

    /// Writes `json` and `signature` (already made) into `directory`; returns the JSON path.
    @discardableResult
    public func place(_ report: VerificationReport, json: Data, signature: Data, in directory: URL) throws(InputError) -> URL {
        let odsCode = report.organisation.odsCode
        guard ODSCode.isValid(odsCode) else {
            throw InputError(String(odsCode.prefix(64)), "is not an ODS code, so no report file is named after it")
        }
        let folder = directory.path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            let reason = SystemError(underlying: error).map { "cannot be created as the report folder (\($0))" }
            throw InputError(folder, reason ?? "is not a folder that reports can be written to")
        }
        let stagedJSON = try stage(json, in: folder)
        defer { unlink(stagedJSON) }
        let stagedSignature = try stage(signature, in: folder)
        defer { unlink(stagedSignature) }

        let base = Self.baseName(for: report)
        for attempt in 1...Self.maximumAttempts {
            let target = "\(folder)/\(attempt == 1 ? base : "\(base)-\(attempt)").json"
            guard try claim(target, with: stagedJSON) else { continue }
            let signed: Bool
            do {
                signed = try claim(target + ".p7s", with: stagedSignature)
            } catch {
                unlink(target)
                throw error
            }
            guard signed else {
                unlink(target)
                continue
            }
            syncFolder(folder)
            return URL(fileURLWithPath: target)
        }
        throw InputError(folder, "already holds \(Self.maximumAttempts) reports named \(base)…; nothing was overwritten")
    }

    /// Writes `bytes` to a new hidden file in `folder` and syncs it; returns its path.
    private func stage(_ bytes: Data, in folder: String) throws(InputError) -> String {
        let path = "\(folder)/.lcr-report-\(UUID().uuidString).tmp"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InputError(folder, "cannot hold the report (\(SystemError(errno)))") }
        do {
            defer { close(descriptor) }
            try DescriptorWriter.writeAll(bytes, to: descriptor)
            guard fsync(descriptor) == 0 else { throw SystemError(errno) }
        } catch {
            unlink(path)
            throw InputError(folder, "cannot hold the report (\(error))")
        }
        return path
    }

    /// Gives the staged file its final name; false when the name is taken, which is never overwritten.
    private func claim(_ target: String, with staged: String) throws(InputError) -> Bool {
        if linkFile(staged, target) == 0 { return true }
        let code = errno
        if code == EEXIST { return false }
        throw InputError(target, "cannot be written (\(SystemError(code)))")
    }

    /// Makes the new names durable; a folder that cannot be synced still holds complete files.
    private func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
