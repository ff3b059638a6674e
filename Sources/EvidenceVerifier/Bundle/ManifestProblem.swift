/// Why a manifest could not be used; reads as "manifest.json <problem>".
public struct ManifestProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let problem: String
    public init(_ problem: String) { self.problem = problem }
    public var description: String { "manifest.json \(problem)" }
}
