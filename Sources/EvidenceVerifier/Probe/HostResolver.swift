import Foundation

/// Resolves host names to addresses with `getaddrinfo`, which has no timeout of its own: each look-up runs
/// on a thread of its own and is abandoned (left to finish unread) when the deadline passes first.
enum HostResolver {
    /// The result for each distinct host in `hosts`, with at most `parallelism` look-ups under way at once.
    /// A look-up not finished (or not started) by `deadline` is `ResolutionError.timedOut`.
    /// Blocking: call it off the cooperative pool.
    static func resolveAll(_ hosts: [String], before deadline: ProbeDeadline, parallelism: Int) -> [String: Result<[IPAddress], ResolutionError>] {
        var seen = Set<String>()
        let lookups = hosts.filter { seen.insert($0).inserted }.map(PendingLookup.init)
        // Each started thread signals the gate once when done, so it is back at its initial value when the
        // last thread lets go of it (libdispatch requires that of a semaphore being freed).
        let gate = DispatchSemaphore(value: max(1, min(parallelism, 256)))
        for lookup in lookups {
            guard !deadline.hasPassed, gate.wait(timeout: deadline.instant) == .success else { break }
            let thread = Thread {
                lookup.finish(resolve(lookup.host))
                gate.signal()
            }
            thread.name = "lcr-dns-lookup"
            thread.start()
        }
        var results: [String: Result<[IPAddress], ResolutionError>] = [:]
        for lookup in lookups {
            results[lookup.host] = lookup.result(waitingUntil: deadline) ?? .failure(.timedOut)
        }
        return results
    }

    /// The distinct addresses for `host` (an IP literal is its own address), in the resolver's order of
    /// preference, or the resolver's reason. Blocks for as long as the system resolver takes.
    static func resolve(_ host: String) -> Result<[IPAddress], ResolutionError> {
        if let literal = IPAddress(host) { return .success([literal]) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = getaddrinfo(host, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else { return .failure(.resolver(String(cString: gai_strerror(status)))) }

        var addresses: [IPAddress] = []
        var cursor = list
        while let entry = cursor {
            if let address = Self.address(of: entry.pointee), !addresses.contains(address) { addresses.append(address) }
            cursor = entry.pointee.ai_next
        }
        if addresses.isEmpty { return .failure(.resolver("no IPv4 or IPv6 address")) }
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

/// One look-up's result slot, filled by its thread and read by the prober until the deadline.
private final class PendingLookup: @unchecked Sendable {
    let host: String
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var value: Result<[IPAddress], ResolutionError>?

    init(host: String) { self.host = host }

    func finish(_ result: Result<[IPAddress], ResolutionError>) {
        lock.withLock { value = result }
        done.signal()
    }

    /// The result, or nil when it has not come by `deadline`.
    func result(waitingUntil deadline: ProbeDeadline) -> Result<[IPAddress], ResolutionError>? {
        guard done.wait(timeout: deadline.instant) == .success else { return nil }
        return lock.withLock { value }
    }
}

/// Why a host name did not resolve.
enum ResolutionError: Error, Sendable, Equatable {
    /// The resolver's own words.
    case resolver(String)
    /// No answer before the probe's deadline.
    case timedOut
}
