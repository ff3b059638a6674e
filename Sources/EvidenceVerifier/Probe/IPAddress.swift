import Foundation

/// An IPv4 or IPv6 address as its network-order bytes (4 or 16).
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    /// Parses a literal such as `127.0.0.1` or `::1` (no brackets, no zone).
    public init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
            return
        }
        return nil
    }

    /// An address from raw bytes; nil unless there are exactly 4 or 16.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    public var isIPv4: Bool { bytes.count == 4 }

    /// The IPv4 address an IPv6 address carries, and the name of the form that carries it: IPv4-mapped
    /// (`::ffff:a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`), IPv4-compatible (`::a.b.c.d`, but not `::`
    /// or `::1`), NAT64 (`64:ff9b::a.b.c.d`) or 6to4 (`2002:AABB:CCDD::`). A connection to such an address
    /// can end at that IPv4 host, so the address policy judges it as that host. Nil otherwise.
    public var embeddedIPv4: (address: IPAddress, form: String)? {
        guard bytes.count == 16 else { return nil }
        let last4 = Array(bytes[12...])
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
            return IPAddress(bytes: last4).map { ($0, "IPv4-mapped") }
        }
        if bytes[0..<8].allSatisfy({ $0 == 0 }), bytes[8] == 0xff, bytes[9] == 0xff, bytes[10] == 0, bytes[11] == 0 {
            return IPAddress(bytes: last4).map { ($0, "IPv4-translated") }
        }
        if bytes[0..<12].allSatisfy({ $0 == 0 }), !last4[0..<3].allSatisfy({ $0 == 0 }) || last4[3] > 1 {
            return IPAddress(bytes: last4).map { ($0, "IPv4-compatible") }
        }
        if bytes[0..<12] == [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0] {
            return IPAddress(bytes: last4).map { ($0, "NAT64") }
        }
        if bytes[0] == 0x20, bytes[1] == 0x02 {
            return IPAddress(bytes: Array(bytes[2..<6])).map { ($0, "6to4") }
        }
        return nil
    }

    /// Canonical text (`127.0.0.1`, `::1`).
    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = isIPv4 ? AF_INET : AF_INET6
        let written = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) }
        guard written != nil else { return bytes.map(String.init).joined(separator: ".") }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `ip:port`, with brackets around IPv6 (`[::1]:443`).
    public func withPort(_ port: Int) -> String {
        isIPv4 ? "\(self):\(port)" : "[\(self)]:\(port)"
    }
}
