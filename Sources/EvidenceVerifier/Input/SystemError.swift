import Foundation

/// A failed system call's `errno`, described in words (`No space left on device`).
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32

    public init(_ code: Int32) {
        self.code = code
    }

    /// The POSIX error inside a Foundation error (a `CocoaError` from a file operation carries one as
    /// its underlying error), or nil when there is none.
    public init?(underlying error: any Error) {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain {
            self.init(Int32(truncatingIfNeeded: nsError.code))
        } else if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            self.init(Int32(truncatingIfNeeded: underlying.code))
        } else {
            return nil
        }
    }

    public var description: String { String(cString: strerror(code)) }
}
