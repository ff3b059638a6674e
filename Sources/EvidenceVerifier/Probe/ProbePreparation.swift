import Foundation

/// The checks made before any connection: parse the URL, resolve the host, and keep only addresses the
/// address policy allows. An endpoint that fails here gets its record without a packet being sent to it.
enum ProbePreparation: Sendable {
    case ready(ReadyProbe)
    case settled(EndpointRecord)

    /// Prepares every URL, resolving host names in parallel (blocking: call it off the cooperative pool).
    static func prepareAll(_ urls: [String], policy: AddressPolicy) -> [ProbePreparation] {
        let results = PreparationSlots(count: urls.count)
        DispatchQueue.concurrentPerform(iterations: urls.count) { index in
            results.set(index, prepare(urls[index], index: index, policy: policy))
        }
        return results.values
    }

    static func prepare(_ url: String, index: Int, policy: AddressPolicy) -> ProbePreparation {
        let target: ProbeTarget
        switch ProbeTarget.parse(url) {
        case .success(let parsed): target = parsed
        case .failure(let error):
            return .settled(EndpointRecord(url: url, status: ProbeStatus.invalidURL.rawValue, error: "the URL \(error.problem)"))
        }
        let addresses: [IPAddress]
        switch HostResolver.resolve(target.host, port: target.port) {
        case .success(let resolved): addresses = resolved
        case .failure(let error):
            return .settled(EndpointRecord(
                url: url, status: ProbeStatus.unreachable.rawValue,
                error: "\(target.host) does not resolve: \(error.reason)"))
        }
        let allowed = addresses.filter { policy.refusal(for: $0) == nil }
        guard !allowed.isEmpty else {
            let first = addresses[0]
            let reason = policy.refusal(for: first) ?? "refused range"
            return .settled(EndpointRecord(
                url: url, address: first.withPort(target.port), status: ProbeStatus.addressNotAllowed.rawValue,
                error: "\(first) is in the \(reason), which is not an allowed network (see --allow-network); not contacted"))
        }
        return .ready(ReadyProbe(index: index, target: target, addresses: allowed))
    }
}

/// Fixed slots filled from several threads at once, read once all are filled.
private final class PreparationSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ProbePreparation?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: ProbePreparation) {
        lock.withLock { slots[index] = value }
    }

    /// Every slot's value; all must have been set.
    var values: [ProbePreparation] {
        lock.withLock { slots.compactMap { $0 } }
    }
}
