import Foundation

/// CIDR notation as the policy's `probe.allowedNetworks` uses it: `127.0.0.0/8`, `fd00::/8`.
enum NetworkPrefix {
    /// Whether `text` is an IPv4 or IPv6 address, a slash, and a prefix length that fits it.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let length = Int(parts[1]), parts[1].allSatisfy(\.isASCII) else { return false }
        var buffer = [UInt8](repeating: 0, count: 16)
        let address = String(parts[0])
        if inet_pton(AF_INET, address, &buffer) == 1 { return (0...32).contains(length) }
        if inet_pton(AF_INET6, address, &buffer) == 1 { return (0...128).contains(length) }
        return false
    }
}
