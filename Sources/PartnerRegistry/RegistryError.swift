import Foundation

/// Why the registry, the evidence store or the data folder cannot be used (the command line maps every case
/// to exit 2 with one line naming the path). `description` is that line (`subject: problem`), without a
/// program prefix.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not an lcr-verify registry (another SQLite database, or not SQLite at all).
    /// It was only read, never modified.
    case notARegistry(path: String)
    /// The registry was written by a newer lcr-verify (it has migrations this build does not know).
    case newerRegistry(path: String)
    /// The registry is ours but SQLite cannot use it (corrupt, locked, unreadable).
    case unusableRegistry(path: String, reason: String)
    /// The data folder (or a folder inside it) cannot be written: read-only file system or no permission.
    case readOnly(path: String, reason: String)
    /// A file or folder the registry needs cannot be created, read or written.
    case fileProblem(path: String, reason: String)
    /// Another process holds the writer lock.
    case busy(path: String, waitedSeconds: Int)
    /// The named partner is not in the registry.
    case unknownPartner(odsCode: String)
    /// A status change the partner lifecycle does not allow (e.g. suspending an applicant).
    case invalidTransition(odsCode: String, from: PartnerStatus, to: PartnerStatus)
    /// A value that cannot be recorded (e.g. a digest that is not 64 hex digits).
    case invalidValue(field: String, reason: String)

    public var description: String { "\(subject): \(problem)" }

    /// The file, folder or partner at fault.
    public var subject: String {
        switch self {
        case .notARegistry(let path), .newerRegistry(let path), .unusableRegistry(let path, _), .readOnly(let path, _),
            .fileProblem(let path, _), .busy(let path, _):
            path
        case .unknownPartner(let odsCode), .invalidTransition(let odsCode, _, _): odsCode
        case .invalidValue(let field, _): field
        }
    }

    /// What is wrong, as the rest of one line after the subject.
    public var problem: String {
        switch self {
        case .notARegistry:
            "is not an lcr-verify registry; refused (the file was not modified)"
        case .newerRegistry:
            "was written by a newer lcr-verify; refused (the file was not modified)"
        case .unusableRegistry(_, let reason):
            "cannot be used as the registry (\(reason))"
        case .readOnly(_, let reason):
            "the data folder cannot be written (\(reason))"
        case .fileProblem(_, let reason), .invalidValue(_, let reason):
            reason
        case .busy(_, let waited):
            waited > 0
                ? "another lcr-verify run still holds the registry's writer lock after \(waited) s; try again later"
                : "another lcr-verify run holds the registry's writer lock; try again later or pass --wait SECONDS"
        case .unknownPartner:
            "is not a partner or applicant in the registry"
        case .invalidTransition(_, let from, let to):
            "is \(from.rawValue); it cannot become \(to.rawValue)"
        }
    }

    /// The error for a failed system call on `path`: a read-only file system or missing permission is `readOnly`.
    static func system(_ code: Int32, path: String, doing action: String) -> RegistryError {
        let reason = String(cString: strerror(code))
        switch code {
        case EROFS, EACCES, EPERM: return .readOnly(path: path, reason: reason)
        default: return .fileProblem(path: path, reason: "cannot \(action) (\(reason))")
        }
    }
}
