/// Input that cannot be verified at all (exit code 2): names the file, line or field and the problem in one line.
public struct InputError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file, option or field at fault.
    public let subject: String
    public let problem: String

    public init(_ subject: String, _ problem: String) {
        self.subject = subject
        self.problem = problem
    }

    public var description: String { "\(subject): \(problem)" }
}
