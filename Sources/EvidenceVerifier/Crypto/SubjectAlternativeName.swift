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

    static func formatIP(_ bytes: Data) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        if bytes.count == 16 {
            return stride(from: 0, to: 16, by: 2)
                .map { String(UInt16(bytes[bytes.startIndex + $0]) << 8 | UInt16(bytes[bytes.startIndex + $0 + 1]), radix: 16) }
                .joined(separator: ":")
        }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }
}
