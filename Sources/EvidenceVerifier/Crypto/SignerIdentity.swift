import Foundation

/// Who signed: the report's `signer {subject, email, issuer, notAfter}`.
public struct SignerIdentity: Codable, Sendable, Equatable {
    public var subject: String
    public var email: String?
    public var issuer: String
    public var notAfter: Date

    public init(_ certificate: Certificate) {
        subject = certificate.subject
        email = certificate.emailAddress
        issuer = certificate.issuer
        notAfter = certificate.notAfter
    }
}
