/// Which resolved addresses a probe may connect to: public addresses, and special-purpose ranges
/// (loopback, link-local, private, CGNAT, cloud metadata, multicast, unspecified, reserved) only
/// when one of the allowed networks contains them.
public struct AddressPolicy: Sendable {
    /// Networks the operator allowed (policy plus `--allow-network`).
    public let allowedNetworks: [IPNetwork]

    public init(allowedNetworks: [IPNetwork]) {
        self.allowedNetworks = allowedNetworks
    }

    /// Nil when `address` may be probed, else the name of the refused range it falls in.
    public func refusal(for address: IPAddress) -> String? {
        if allowedNetworks.contains(where: { $0.contains(address) }) { return nil }
        return Self.specialRanges.first { $0.network.contains(address) }?.name
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
        ("ff00::/8", "multicast range"),
    ].map { cidr, name in
        // The literals above are valid CIDR text.
        (IPNetwork(cidr: cidr)!, name)
    }
}
