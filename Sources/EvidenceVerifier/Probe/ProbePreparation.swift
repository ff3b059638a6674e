import Foundation

/// The checks made before any connection: parse the URL, resolve the host, and keep only addresses the
/// address policy allows. An endpoint that fails here gets its record without a packet being sent to it.
enum ProbePreparation: Sendable {
    case ready(ReadyProbe)
    case settled(EndpointRecord)

    /// Prepares every URL, resolving host names in parallel until the connect timeout or `deadline`,
    /// whichever comes first (blocking: call it off the cooperative pool).
    static func prepareAll(_ urls: [String], configuration: ProbeConfiguration, deadline: ProbeDeadline) -> [ProbePreparation] {
        let targets = urls.map { ProbeTarget.parse($0) }
        let names = targets.compactMap { parsed -> String? in
            guard case .success(let target) = parsed, IPAddress(target.host) == nil else { return nil }
            return target.host
        }
        let lookupTime = min(configuration.connectTimeout, deadline.remaining)
        let resolved = names.isEmpty ? [:] : HostResolver.resolveAll(
            names, before: deadline.capped(after: configuration.connectTimeout), parallelism: configuration.concurrency)
        return targets.indices.map { index in
            switch targets[index] {
            case .failure(let error):
                return .settled(EndpointRecord(url: urls[index], status: .invalidURL, error: "the URL \(error.problem)"))
            case .success(let target):
                let addresses = IPAddress(target.host).map { Result<[IPAddress], ResolutionError>.success([$0]) }
                    ?? resolved[target.host] ?? .failure(.timedOut)
                return prepare(target, index: index, addresses: addresses, lookupTime: lookupTime, policy: configuration.addressPolicy)
            }
        }
    }

    private static func prepare(
        _ target: ProbeTarget, index: Int, addresses resolution: Result<[IPAddress], ResolutionError>, lookupTime: Duration,
        policy: AddressPolicy
    ) -> ProbePreparation {
        let url = target.url
        let addresses: [IPAddress]
        switch resolution {
        case .success(let resolved): addresses = resolved
        case .failure(.timedOut):
            return .settled(EndpointRecord(
                url: url, status: .timeout,
                error: "\(target.host) did not resolve within \(lookupTime.wholeMilliseconds) ms"))
        case .failure(.resolver(let reason)):
            return .settled(EndpointRecord(
                url: url, status: .unreachable, error: "\(target.host) does not resolve: \(reason)"))
        }
        let allowed = addresses.filter { policy.refusal(for: $0) == nil }
        guard !allowed.isEmpty else {
            let first = addresses[0]
            let reason = policy.refusal(for: first) ?? "refused range"
            return .settled(EndpointRecord(
                url: url, address: first.withPort(target.port), status: .addressNotAllowed,
                error: "\(first) is in the \(reason), which is not an allowed network (see --allow-network); not contacted"))
        }
        return .ready(ReadyProbe(index: index, target: target, addresses: allowed))
    }
}
