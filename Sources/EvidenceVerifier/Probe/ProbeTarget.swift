import Foundation

/// An endpoint URL taken apart and checked before anything is sent: `https` only, an ASCII host
/// name or IP literal, a port, and no user name or password.
public struct ProbeTarget: Sendable, Equatable {
    /// The URL as declared.
    public let url: String
    /// Lower-case host name, or an IP literal without brackets.
    public let host: String
    public let port: Int

    /// Parses `url`, or says in a sentence why it cannot be probed.
    public static func parse(_ url: String) -> Result<ProbeTarget, ProbeTargetError> {
        guard let components = URLComponents(string: url), let scheme = components.scheme else {
            return .failure(ProbeTargetError("is not a URL"))
        }
        guard scheme.lowercased() == "https" else {
            return .failure(ProbeTargetError("uses \(scheme), but only https endpoints are probed"))
        }
        guard components.user == nil, components.password == nil else {
            return .failure(ProbeTargetError("carries a user name or password"))
        }
        guard var host = components.host, !host.isEmpty else { return .failure(ProbeTargetError("has no host")) }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        host = host.lowercased()
        guard IPAddress(host) != nil || isHostName(host) else {
            return .failure(ProbeTargetError("has a host \"\(host.prefix(80))\" that is not an ASCII host name or IP address"))
        }
        let port = components.port ?? 443
        guard (1...65535).contains(port) else { return .failure(ProbeTargetError("has port \(port), outside 1-65535")) }
        return .success(ProbeTarget(url: url, host: host, port: port))
    }

    /// The host as it appears in a URL (`[::1]` for IPv6).
    var urlHost: String { host.contains(":") ? "[\(host)]" : host }

    /// The URL handed to libcurl, rebuilt from the checked parts so libcurl cannot read another host from it.
    var connectURL: String { "https://\(urlHost):\(port)/" }

    /// Letters, digits, hyphens and dots, in labels of 1-63 characters.
    private static func isHostName(_ host: String) -> Bool {
        guard host.utf8.count <= 253 else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-")
            }
        }
    }
}

/// Why an endpoint URL cannot be probed; reads as "<url> <problem>".
public struct ProbeTargetError: Error, Sendable, Equatable {
    public let problem: String
    init(_ problem: String) { self.problem = problem }
}
