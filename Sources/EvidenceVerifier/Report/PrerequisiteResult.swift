/// One prerequisite's status, summary and findings.
public struct PrerequisiteResult: Codable, Sendable, Equatable {
    public var id: PrerequisiteID
    public var status: PrerequisiteStatus
    public var summary: String
    public var findings: [Finding]

    public init(id: PrerequisiteID, summary: String, findings: [Finding]) {
        self.id = id
        self.status = PrerequisiteStatus(findings: findings)
        self.summary = summary
        self.findings = findings
    }
}
