/// A failed system call's `errno`, described in words (`No space left on device`).
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32

    public init(_ code: Int32) {
        self.code = code
    }

    public var description: String { InputFile.systemError(code) }
}
