import Foundation

/// The live half of the `hscn` check: probes every endpoint the manifest declares (unless `--no-probe`, or
/// unless there are more than `probe.maximumEndpoints`, which fails) and turns each record into a finding.
struct HSCNEndpointRules {
    let context: VerificationContext
    let anchors: [Certificate]
    /// SHA-256 of every declared leaf certificate.
    let declaredCertificates: Set<String>

    /// The findings and the probe records.
    func assess() async -> (findings: [Finding], records: [EndpointRecord]) {
        let urls = context.manifest?.hscn?.endpoints ?? []
        guard !urls.isEmpty else {
            let declared = context.manifest == nil
                ? "There is no usable manifest (see evidence integrity) to declare HSCN endpoints"
                : "The manifest declares no HSCN endpoints (hscn.endpoints)"
            return ([.error(
                .endpointsNoneDeclared, "\(declared), so no live HSCN connection can be shown.",
                location: "field hscn.endpoints")], [])
        }
        let maximum = context.policy.probe.maximumEndpoints
        guard urls.count <= maximum else {
            return ([.error(
                .endpointsTooMany,
                "The manifest declares \(urls.count) HSCN endpoints, more than the \(maximum) the policy allows (probe.maximumEndpoints); none was probed.",
                location: "field hscn.endpoints")], [])
        }
        guard context.probeEndpoints else {
            return ([.warning(
                .endpointsNotProbed,
                "The \(urls.count) declared HSCN endpoint(s) were not probed (--no-probe): \(urls.joined(separator: ", ")).",
                location: "field hscn.endpoints")], [])
        }

        let configuration = ProbeConfiguration(
            policy: context.policy, anchors: anchors, declaredCertificateSha256: declaredCertificates,
            asOf: context.asOf, allowedNetworks: context.allowedNetworks)
        let records = await EndpointProber(configuration).probe(urls: urls)
        return (records.map(finding), records)
    }

    private func finding(_ record: EndpointRecord) -> Finding {
        guard record.status == .ok else {
            return .error(.endpoint(record.status), "\(record.url): \(record.error ?? record.status.rawValue).", location: record.url)
        }
        return .info(
            .endpointOK,
            "\(record.url) answered at \(record.address ?? "?") with \(record.tlsVersion ?? "TLS") and a declared, trusted certificate (SHA-256 \(record.certificateSha256 ?? "?")).",
            location: record.url)
    }
}
