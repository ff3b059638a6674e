@testable import EvidenceVerifier
import Foundation
import PKIFixtures

/// `hscn-certificate` evidence for the `hscn` check: files added to a `BundleBuilder`, written to a
/// temporary folder and read by the real reader each time a context is made.
final class HSCNFixture {
    let pki: TestPKI
    private let folder = TestFolder()
    private var builder = BundleBuilder()

    init(pki: TestPKI = sharedPKI) {
        self.pki = pki
        builder.staffCount = 42
    }

    /// Adds `bytes` as `hscn/<name>`; `intact: false` pins another SHA-256 in the manifest, so the reader
    /// finds the file does not match.
    func add(_ name: String, _ bytes: Data, intact: Bool = true) throws {
        if intact {
            builder.add(.hscnCertificate, "hscn/\(name)", bytes)
        } else {
            builder.addTampered(.hscnCertificate, "hscn/\(name)", bytes)
        }
    }

    /// Adds certificates (leaf first) as one PEM file.
    func add(_ name: String, pem certificates: [Certificate]) throws {
        try add(name, Data(certificates.map(\.pemString).joined().utf8))
    }

    /// A context for the `hscn` check at `TestPKI.asOf`, trusting the test root (plus `extraAnchors`).
    func context(
        endpoints: [String]? = ["https://gateway.example.nhs.uk/"], probe: Bool = false, allowedNetworks: [IPNetwork] = [],
        extraAnchors: [Certificate] = [], withTrust: Bool = true
    ) throws -> VerificationContext {
        let anchors = withTrust ? [pki.root.certificate] + extraAnchors : []
        var bundleBuilder = builder
        bundleBuilder.endpoints = endpoints
        let bundle = try bundleBuilder.read(in: folder)
        var policy = Policy.defaults
        policy.probe.connectTimeoutSeconds = 2
        policy.probe.totalTimeoutSeconds = 3
        return try testContext(bundle, policy: policy, anchors: anchors, probeEndpoints: probe, allowedNetworks: allowedNetworks)
    }
}
