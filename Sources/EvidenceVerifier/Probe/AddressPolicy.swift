/// Which resolved addresses a probe may connect to: public addresses, and special-purpose ranges
/// (loopback, link-local, private, CGNAT, cloud metadata, multicast, unspecified, reserved) only
/// when one of the allowed networks contains them.
public struct AddressPolicy: Sendable {
    /// Networks the operator allowed (policy plus `--allow-network`).
    public let allowedNetworks: [IPNetwork]

    public init(allowedNetworks: [IPNetwork]) {
        self.allowedNetworks = allowedNetworks
    }

    /// Nil when `address` may be probed, else the name of the refused range it falls in. An IPv6 address
    /// that carries an IPv4 address (6to4, NAT64, IPv4-compatible or -mapped) is judged as that IPv4 address
    /// too: refused when it is in a refused range that no allowed network opens.
    public func refusal(for address: IPAddress) -> String? {
        if allowedNetworks.contains(where: { $0.contains(address) }) { return nil }
        guard let range = Self.specialRanges.first(where: { $0.network.contains(address) }) else { return nil }
        if range.network.address.isIPv4, !address.isIPv4, let embedded = address.embeddedIPv4 {
            return "\(range.name) (as the \(embedded.form) form of \(embedded.address))"
        }
        return range.name
    }

    /// Ranges refused unless allowed, most specific first so the reason names the narrowest one.
    static let specialRanges: [(network: IPNetwork, name: String)] = [
        ("169.254.169.254/32", "cloud metadata address"),
        ("0.0.0.0/32", "unspecified address"),
        ("0.0.0.0/8", "\"this network\" range 0.0.0.0/8"),
        ("127.0.0.0/8", "loopback range"),
        ("169.254.0.0/16", "link-local range"),
        ("10.0.0.0/8", "private range"),
        ("172.16.0.0/12", "private range"),
        ("192.168.0.0/16", "private range"),
        ("100.64.0.0/10", "carrier-grade NAT range"),
        ("224.0.0.0/4", "multicast range"),
        ("240.0.0.0/4", "reserved range"),
        ("::/128", "unspecified address"),
        ("::1/128", "loopback address"),
        ("fe80::/10", "link-local range"),
        ("fc00::/7", "unique-local (private) range"),
        ("64:ff9b:1::/48", "local-use NAT64 range"),
        ("ff00::/8", "multicast range"),
    ].map { cidr, name in
        // The literals above are valid CIDR text.
        (IPNetwork(cidr: cidr)!, name)
    }
}
