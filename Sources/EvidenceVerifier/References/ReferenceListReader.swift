import Foundation

/// Reads a reference list file without trusting it (DESIGN §2 `reference import`, `check
/// --dspt-register`/`--ods-register`): only a regular file within `maximumBytes` (a FIFO, socket,
/// device or folder is refused without blocking), streamed once through `CSVReader` while the same
/// bytes are hashed, so the digest recorded is the digest of exactly what was parsed. Anything that
/// makes it not the list it claims to be (not UTF-8, a row that cannot be read, a missing column, a
/// code or date that is not one) refuses the whole file: one `InputError` line naming it and the line.
public enum ReferenceListReader {
    /// The largest list read: the national DSPT list and the ODS files are a few megabytes.
    public static let maximumBytes: Int64 = 64 << 20
    /// The most rows kept in memory (the real lists have tens of thousands), so that a file of tiny rows
    /// cannot make the in-memory register grow past a few hundred megabytes.
    public static let maximumRows = 500_000

    /// Reads the list at `path`; `importedAt` nil takes the file's modification time (a list given
    /// straight to `check`).
    public static func read(_ kind: ReferenceKind, path: String, importedAt: Date? = nil) throws(InputError) -> ReferenceList {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(path, InputFile.openProblem(errno)) }
        defer { close(descriptor) }
        return try read(kind, descriptor: descriptor, name: path, importedAt: importedAt)
    }

    /// Reads the list from an open descriptor (from its start; the caller owns it); `name` is used in errors.
    public static func read(_ kind: ReferenceKind, descriptor: Int32, name: String, importedAt: Date? = nil) throws(InputError) -> ReferenceList {
        let status = try InputFile.regularFileStatus(descriptor, name: name)
        guard Int64(status.st_size) <= maximumBytes else {
            throw InputError(name, "is \(status.st_size) bytes, more than the \(maximumBytes) a reference list may have")
        }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw InputError(name, "cannot be read (\(SystemError(errno)))") }
        let modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec))
        let hash: SHA256Stream
        do {
            hash = try SHA256Stream()
        } catch {
            throw InputError(name, "cannot be hashed (\(error))")
        }
        var dspt = DSPTRegisterBuilder(), ods = ODSRegisterBuilder()
        var problem: String?
        var bytes: Int64 = 0
        var hashFailure: OpenSSLError?
        do {
            try CSVReader.forEachRecord(in: descriptor, observe: { chunk in
                bytes += Int64(chunk.count)
                do throws(OpenSSLError) { try hash.update(chunk) } catch { hashFailure = error }
            }) { event in
                guard bytes <= maximumBytes else {
                    problem = "it grew past the \(maximumBytes) bytes a reference list may have while being read"
                    return false
                }
                switch event {
                case .unreadable(let line, let rowProblem):
                    problem = "line \(line) cannot be read as CSV: \(rowProblem)"
                case .record(let row):
                    problem = kind == .dsptRegister ? dspt.take(row) : ods.take(row)
                    if problem == nil && max(dspt.rows, ods.rows) > maximumRows {
                        problem = "it has more than the \(maximumRows) rows a reference list may have"
                    }
                }
                return problem == nil
            }
        } catch {
            throw InputError(name, "is not a CSV reference list: it \(error)")
        }
        if let hashFailure { throw InputError(name, "cannot be hashed (\(hashFailure))") }
        if let problem = problem ?? (kind == .dsptRegister ? dspt.problem : ods.problem) {
            throw InputError(name, "is not usable as \(kind.described): \(problem)")
        }
        let sha256: String
        do {
            sha256 = try hash.finish()
        } catch {
            throw InputError(name, "cannot be hashed (\(error))")
        }
        let rows = kind == .dsptRegister ? dspt.rows : ods.rows
        let record = ReferenceRecord(kind: kind, sha256: sha256, rows: rows, importedAt: importedAt ?? modified)
        return kind == .dsptRegister ? .dspt(dspt.register(record)) : .ods(ods.register(record))
    }
}
