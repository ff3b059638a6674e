import Foundation

/// Why the registry, the evidence store or the data folder cannot be used (the command line maps every case
/// to exit 2 with one line naming the path). `description` is that line, without a program prefix.
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

    public var description: String {
        switch self {
        case .notARegistry(let path):
            "\(path) is not an lcr-verify registry; refused (the file was not modified)"
        case .newerRegistry(let path):
            "\(path) was written by a newer lcr-verify; refused (the file was not modified)"
        case .unusableRegistry(let path, let reason):
            "\(path) cannot be used as the registry (\(reason))"
        case .readOnly(let path, let reason):
            "\(path): the data folder cannot be written (\(reason))"
        case .fileProblem(let path, let reason):
            "\(path): \(reason)"
        case .busy(let path, let waited):
            waited > 0
                ? "\(path): another lcr-verify run still holds the registry's writer lock after \(waited) s; try again later"
                : "\(path): another lcr-verify run holds the registry's writer lock; try again later or pass --wait SECONDS"
        case .unknownPartner(let odsCode):
            "\(odsCode) is not a partner or applicant in the registry"
        case .invalidTransition(let odsCode, let from, let to):
            "\(odsCode) is \(from.rawValue); it cannot become \(to.rawValue)"
        case .invalidValue(let field, let reason):
            "\(field): \(reason)"
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
