/// One prerequisite's status in a recorded verification (`pass`, `warn` or `fail`, as in the report).
public struct PrerequisiteOutcome: Codable, Sendable, Equatable, Hashable {
    public var id: String
    public var status: String

    public init(id: String, status: String) {
        self.id = id
        self.status = status
    }
}
