import Foundation

/// `direct-care`: the signed manifest declares that the organisation provides direct care, names
/// its services and states the lawful basis (GDPR Art. 9(2)(h)); with ODS register files, that the
/// register lists the organisation as open and under the declared name (`ODSRegisterComparison`).
public struct DirectCareCheck: Check {
    public let id = PrerequisiteID.directCare

    public init() {}

    public func evaluate(_ context: VerificationContext) async -> CheckOutcome {
        let field = "manifest.json"
        guard let manifest = context.manifest else {
            return CheckOutcome(
                summary: "no usable manifest, so no direct-care declaration",
                findings: [.error(.directCareUndeclared, "There is no usable manifest to declare direct care.", evidence: field)])
        }
        guard let declaration = manifest.organisation.directCare else {
            return CheckOutcome(
                summary: "the manifest makes no direct-care declaration",
                findings: [.error(.directCareUndeclared, "The manifest has no organisation.directCare declaration.", evidence: field, location: "field organisation.directCare")])
        }
        var findings: [Finding] = []
        if declaration.provides != true {
            findings.append(.error(.directCareNotProvided, "The organisation does not declare that it provides direct care (organisation.directCare.provides is not true).", evidence: field, location: "field organisation.directCare.provides"))
        }
        let services = (declaration.services ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if services.isEmpty {
            findings.append(.error(.directCareNoServices, "No direct-care services are named (organisation.directCare.services is empty).", evidence: field, location: "field organisation.directCare.services"))
        }
        let basis = declaration.basis?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if basis.isEmpty {
            findings.append(.error(.directCareNoBasis, "No lawful basis is stated (organisation.directCare.basis is missing).", evidence: field, location: "field organisation.directCare.basis"))
        }
        var summary = findings.isEmpty
            ? "declares direct care (\(services.joined(separator: ", "))) under \(basis)"
            : "the direct-care declaration is incomplete"
        if !context.references.ods.isEmpty {
            let crossCheck = ODSRegisterComparison(
                lists: context.references, freshness: ReferenceFreshness(maximumAgeDays: context.policy.references.maximumAgeDays)
            ).findings(odsCode: manifest.organisation.odsCode, name: manifest.organisation.name, asOf: context.asOf)
            let confirmed = !crossCheck.contains { $0.code == .organisationUnknown || $0.code == .organisationClosed }
            summary += confirmed ? "; the ODS register lists it as open" : "; the ODS register does not confirm it is open"
            findings += crossCheck
        }
        return CheckOutcome(summary: summary, findings: findings)
    }
}

extension FindingCode {
    public static let directCareUndeclared = FindingCode("direct-care.undeclared")
    public static let directCareNotProvided = FindingCode("direct-care.not-provided")
    public static let directCareNoServices = FindingCode("direct-care.no-services")
    public static let directCareNoBasis = FindingCode("direct-care.no-basis")
}
