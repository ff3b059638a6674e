import Foundation

/// One prerequisite rule: it reads the parsed evidence in a `VerificationContext` and says what it found.
///
/// A check never reads the wall clock (the instant is `context.asOf`) and never throws for bad
/// evidence: unreadable or wrong evidence is a finding.
public protocol Check: Sendable {
    var id: PrerequisiteID { get }
    func evaluate(_ context: VerificationContext) async -> CheckOutcome
}

/// What one check concluded.
public struct CheckOutcome: Sendable {
    /// One line for a person: what was proven or why not.
    public var summary: String
    public var findings: [Finding]
    /// Instants at which a fact this check relied on stops holding; the earliest becomes `reverifyBy`.
    public var lapses: [Date]
    /// Endpoint probe results (only the `hscn` check produces these).
    public var endpoints: [EndpointRecord]

    public init(summary: String, findings: [Finding], lapses: [Date] = [], endpoints: [EndpointRecord] = []) {
        self.summary = summary
        self.findings = findings
        self.lapses = lapses
        self.endpoints = endpoints
    }
}
