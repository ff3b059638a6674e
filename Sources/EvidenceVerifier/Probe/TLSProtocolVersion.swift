import Foundation
import COpenSSL

/// A TLS (or SSL) protocol version as negotiated on the wire, ordered from oldest to newest.
public struct TLSProtocolVersion: Sendable, Comparable, CustomStringConvertible {
    /// The wire value (`0x0303` is TLS 1.2).
    public let wireValue: Int32

    public init(wireValue: Int32) { self.wireValue = wireValue }

    public static let tls1_0 = TLSProtocolVersion(wireValue: TLS1_VERSION)
    public static let tls1_1 = TLSProtocolVersion(wireValue: TLS1_1_VERSION)
    public static let tls1_2 = TLSProtocolVersion(wireValue: TLS1_2_VERSION)
    public static let tls1_3 = TLSProtocolVersion(wireValue: TLS1_3_VERSION)

    /// Reads a policy value: `1.2`, `TLSv1.2` or `TLS 1.2` (1.0 to 1.3).
    public init?(policyText: String) {
        var text = policyText.trimmingCharacters(in: .whitespaces).lowercased()
        for prefix in ["tlsv", "tls ", "tls"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        switch text {
        case "1", "1.0": self = .tls1_0
        case "1.1": self = .tls1_1
        case "1.2": self = .tls1_2
        case "1.3": self = .tls1_3
        default: return nil
        }
    }

    /// OpenSSL's name for the version (`TLSv1.3`).
    public var description: String {
        switch wireValue {
        case SSL3_VERSION: "SSLv3"
        case TLS1_VERSION: "TLSv1"
        case TLS1_1_VERSION: "TLSv1.1"
        case TLS1_2_VERSION: "TLSv1.2"
        case TLS1_3_VERSION: "TLSv1.3"
        default: "0x" + String(wireValue, radix: 16)
        }
    }

    public static func < (lhs: TLSProtocolVersion, rhs: TLSProtocolVersion) -> Bool { lhs.wireValue < rhs.wireValue }
}
