import CCurl
import CShims

/// Probes HSCN endpoints live: for each `https` URL it checks the address before connecting, connects
/// through libcurl's multi interface (all endpoints at once, bounded by the configuration's concurrency),
/// completes the TLS handshake, and verifies what the endpoint presented with OpenSSL. The whole run ends by
/// one deadline (`ProbeConfiguration.runTimeLimit`), so many slow endpoints cannot make it run for minutes.
///
/// ```swift
/// let records = await EndpointProber(configuration).probe(urls: ["https://gateway.example.nhs.uk/"])
/// ```
public struct EndpointProber: Sendable {
    public let configuration: ProbeConfiguration

    public init(_ configuration: ProbeConfiguration) {
        self.configuration = configuration
    }

    /// One record per URL, in the order given. Never throws: every problem is a record's status and error.
    public func probe(urls: [String]) async -> [EndpointRecord] {
        guard !urls.isEmpty else { return [] }
        let configuration = configuration
        return await ProbeThread.run { Self.probeBlocking(urls, configuration: configuration) }
    }

    private static func probeBlocking(_ urls: [String], configuration: ProbeConfiguration) -> [EndpointRecord] {
        let deadline = ProbeDeadline(after: configuration.runTimeLimit)
        let preparations = ProbePreparation.prepareAll(urls, configuration: configuration, deadline: deadline)
        let ready = preparations.compactMap { preparation -> ReadyProbe? in
            if case .ready(let probe) = preparation { return probe }
            return nil
        }
        let outcomes = ready.isEmpty ? [:] : (CurlMultiRunner()?.run(ready, configuration: configuration, deadline: deadline) ?? [:])
        let assessment = EndpointAssessment(configuration: configuration)
        return preparations.map { preparation in
            switch preparation {
            case .settled(let record):
                return record
            case .ready(let probe):
                guard let outcome = outcomes[probe.index] else {
                    return EndpointRecord(
                        url: probe.target.url, status: .tlsFailed,
                        error: CurlGlobal.failure ?? "libcurl could not start a multi transfer")
                }
                return assessment.record(for: probe, outcome: outcome)
            }
        }
    }
}
