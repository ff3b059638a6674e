import Foundation

/// A CIDR network (`10.0.0.0/8`, `fe80::/10`), IPv4 or IPv6.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// The network address, host bits cleared.
    public let address: IPAddress
    public let prefixLength: Int

    /// Parses `address/prefix`, or a bare address as a single-host network. Host bits set in the
    /// address are cleared (`10.1.2.3/8` is `10.0.0.0/8`). Nil for anything else.
    public init?(cidr text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(String(parts[0])) else { return nil }
        let maximum = address.bytes.count * 8
        var prefix = maximum
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), (0...maximum).contains(parsed) else { return nil }
            prefix = parsed
        }
        self.init(address: address, prefixLength: prefix)
    }

    /// The network of `address` with `prefixLength` leading bits (clamped to the address size).
    public init(address: IPAddress, prefixLength: Int) {
        let length = min(max(prefixLength, 0), address.bytes.count * 8)
        self.prefixLength = length
        // The masked bytes of a valid address are a valid address of the same size.
        self.address = IPAddress(bytes: Self.masked(address.bytes, prefixLength: length)) ?? address
    }

    /// True when `candidate` is inside this network. For an IPv4 network, an IPv6 address that carries an
    /// IPv4 address (`IPAddress.embeddedIPv4`: mapped, compatible, NAT64, 6to4) counts as that address.
    public func contains(_ candidate: IPAddress) -> Bool {
        let bytes = (address.isIPv4 ? candidate.embeddedIPv4?.address ?? candidate : candidate).bytes
        guard bytes.count == address.bytes.count else { return false }
        return Self.masked(bytes, prefixLength: prefixLength) == address.bytes
    }

    public var description: String { "\(address)/\(prefixLength)" }

    private static func masked(_ bytes: [UInt8], prefixLength: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bitsInByte = min(max(prefixLength - index * 8, 0), 8)
            return bitsInByte == 0 ? 0 : byte & UInt8(truncatingIfNeeded: 0xff << (8 - bitsInByte))
        }
    }
}
