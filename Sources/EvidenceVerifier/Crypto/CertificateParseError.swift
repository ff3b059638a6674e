/// Why bytes could not be read as a certificate; reads as "<file> <problem>".
public struct CertificateParseError: Error, Sendable, CustomStringConvertible {
    public let problem: String
    public init(_ problem: String) { self.problem = problem }
    public var description: String { problem }
}
