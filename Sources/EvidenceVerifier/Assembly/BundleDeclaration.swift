import Foundation

/// What an applicant declares when starting a bundle (`bundle init`): the organisation part of the
/// manifest, its contact and its HSCN endpoints. `manifest()` checks every value and names the option
/// at fault, so a manifest `bundle init` writes is one `ManifestParser` accepts.
public struct BundleDeclaration: Sendable, Equatable {
    /// The access an organisation asks for.
    public enum Access: String, Sendable, CaseIterable {
        case readOnly = "read-only"
        case write
    }

    /// The lawful basis declared when none is given.
    public static let defaultBasis = "GDPR Article 9(2)(h)"

    public var odsCode: String
    public var name: String
    public var staffCount: Int
    public var access: Access
    public var services: [String]
    public var endpoints: [String]
    public var contactName: String?
    public var contactEmail: String?
    public var basis: String

    public init(
        odsCode: String, name: String, staffCount: Int, access: Access, services: [String], endpoints: [String],
        contactName: String? = nil, contactEmail: String? = nil, basis: String = BundleDeclaration.defaultBasis
    ) {
        self.odsCode = odsCode
        self.name = name
        self.staffCount = staffCount
        self.access = access
        self.services = services
        self.endpoints = endpoints
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.basis = basis
    }

    /// The manifest the declaration starts: no evidence yet, direct care provided. Refuses a value that is
    /// not an ODS code, a staff count out of range, an empty name, service or basis, a non-https endpoint
    /// and a malformed e-mail address, each as one `InputError` naming its option.
    public func manifest() throws(InputError) -> Manifest {
        guard ODSCode.isValid(odsCode) else {
            throw InputError("--ods", "\"\(odsCode.prefix(64))\" is not an ODS code (1-9 letters and digits)")
        }
        try Self.requireText(name, option: "--name")
        guard (1...ManifestParser.maximumStaffCount).contains(staffCount) else {
            throw InputError("--staff-count", "must be between 1 and \(ManifestParser.maximumStaffCount), found \(staffCount)")
        }
        guard !services.isEmpty else { throw InputError("--service", "name at least one direct-care service the organisation provides") }
        for service in services { try Self.requireText(service, option: "--service") }
        try Self.requireText(basis, option: "--basis")
        guard !endpoints.isEmpty else { throw InputError("--endpoint", "name at least one HSCN endpoint (https://host:port/)") }
        for endpoint in endpoints {
            if case .failure(let error) = ProbeTarget.parse(endpoint) {
                throw InputError("--endpoint", "\(endpoint.prefix(200)) \(error.problem)")
            }
        }
        if let contactName { try Self.requireText(contactName, option: "--contact-name") }
        if let contactEmail, case .failure(let problem) = EmailAddress.parse(contactEmail) {
            throw InputError("--contact-email", "\(contactEmail.prefix(200)) \(problem)")
        }
        let contact = contactName == nil && contactEmail == nil ? nil : Manifest.Contact(name: contactName, email: contactEmail)
        return Manifest(
            format: Manifest.format,
            organisation: Manifest.Organisation(
                odsCode: odsCode, name: name, staffCount: staffCount, accessRequested: access.rawValue,
                directCare: Manifest.DirectCare(provides: true, services: services, basis: basis)),
            contact: contact, evidence: [], hscn: Manifest.HSCNDeclaration(endpoints: endpoints))
    }

    /// Refuses an empty or blank value, and one with a control character (it would break a report line).
    private static func requireText(_ value: String, option: String) throws(InputError) {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw InputError(option, "is empty") }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw InputError(option, "contains a control character")
        }
    }
}
