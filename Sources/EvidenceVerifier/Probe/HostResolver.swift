import Foundation

/// Resolves a host name to its addresses with `getaddrinfo` (blocking; call it off the cooperative pool).
enum HostResolver {
    /// The distinct addresses for `host`, in the resolver's order of preference, or the resolver's reason.
    static func resolve(_ host: String, port: Int) -> Result<[IPAddress], ResolutionError> {
        if let literal = IPAddress(host) { return .success([literal]) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = getaddrinfo(host, String(port), &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else { return .failure(ResolutionError(reason: String(cString: gai_strerror(status)))) }

        var addresses: [IPAddress] = []
        var cursor = list
        while let entry = cursor {
            if let address = Self.address(of: entry.pointee), !addresses.contains(address) { addresses.append(address) }
            cursor = entry.pointee.ai_next
        }
        if addresses.isEmpty { return .failure(ResolutionError(reason: "no IPv4 or IPv6 address")) }
        return .success(addresses)
    }

    private static func address(of entry: addrinfo) -> IPAddress? {
        guard let raw = entry.ai_addr else { return nil }
        switch entry.ai_family {
        case AF_INET:
            return raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                var value = pointer.pointee.sin_addr
                return IPAddress(bytes: withUnsafeBytes(of: &value) { Array($0) })
            }
        case AF_INET6:
            return raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                var value = pointer.pointee.sin6_addr
                return IPAddress(bytes: withUnsafeBytes(of: &value) { Array($0) })
            }
        default:
            return nil
        }
    }
}

/// Why a host name did not resolve (the resolver's own words).
struct ResolutionError: Error, Sendable {
    let reason: String
}
