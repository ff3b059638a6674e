import Foundation

/// Runs the checks over one context and assembles the report. It judges nothing itself: the
/// decision is `eligible` exactly when no check failed.
public struct Verifier: Sendable {
    public static let name = "lcr-verify"
    public static let version = "0.1.0"

    public let checks: [any Check]

    public init(checks: [any Check] = Verifier.standardChecks) {
        self.checks = checks
    }

    /// One check per prerequisite, in report order.
    public static let standardChecks: [any Check] = [
        EvidenceIntegrityCheck(),
        DirectCareCheck(),
        DSPTCheck(),
        TrainingCheck(),
        HSCNCheck(),
        UserAccountsCheck(),
    ]

    /// Runs every check concurrently and builds the report; `generatedAt` is the only field not
    /// determined by the bundle, the policy and `context.asOf`.
    public func verify(_ context: VerificationContext, generatedAt: Date) async -> VerificationReport {
        let outcomes = await withTaskGroup(of: (Int, CheckOutcome).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask { (index, await check.evaluate(context)) }
            }
            var outcomes = [CheckOutcome?](repeating: nil, count: checks.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
        }
        let prerequisites = zip(checks, outcomes).map { check, outcome in
            PrerequisiteResult(id: check.id, summary: outcome.summary, findings: outcome.findings)
        }
        let manifest = context.manifest
        return VerificationReport(
            format: VerificationReport.format,
            generatedAt: generatedAt,
            asOf: context.asOf,
            verifier: .init(name: Self.name, version: Self.version),
            policySha256: context.policy.sha256,
            organisation: .init(
                odsCode: manifest?.organisation.odsCode ?? "UNKNOWN",
                name: manifest?.organisation.name ?? "unknown (no usable manifest)",
                accessRequested: manifest?.organisation.accessRequested),
            bundle: .init(manifestSha256: context.bundle.manifestSha256, signer: context.signatures.manifestSigner),
            decision: prerequisites.contains { $0.status == .fail } ? .notEligible : .eligible,
            reverifyBy: outcomes.flatMap(\.lapses).filter { $0 > context.asOf }.min(),
            prerequisites: prerequisites,
            evidence: context.bundle.files.map { file in
                EvidenceRecord(
                    kind: file.entry.kind, path: file.entry.path, sha256: file.measuredSha256,
                    bytes: file.bytes, signer: context.signatures.signer(of: file))
            },
            endpoints: outcomes.flatMap(\.endpoints),
            level: context.probeEndpoints ? "live" : "offline",
            references: context.references.records)
    }
}
