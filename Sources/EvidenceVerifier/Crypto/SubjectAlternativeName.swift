import Foundation

/// One subjectAltName entry.
public enum SubjectAlternativeName: Sendable, Equatable {
    case dns(String)
    case email(String)
    case ipAddress(String)

    var email: String? {
        if case .email(let value) = self { return value }
        return nil
    }
}
