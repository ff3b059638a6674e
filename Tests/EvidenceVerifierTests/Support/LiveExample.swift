import Foundation
import PKIFixtures
@testable import EvidenceVerifier

/// The committed eligible example with its HSCN endpoint served live on 127.0.0.1 by the DEMO endpoint
/// certificate. The manifest is rewritten to declare the live port (and any extra endpoints), so it is
/// re-signed with the committed DEMO applicant key, as `scripts/make-bundle.sh` does for the demo.
struct LiveExample {
    static let certs = ExampleBundleTests.repository.appendingPathComponent("certs")

    let folder = TestFolder()
    let server: TLSServerProcess
    let bundle: URL

    /// Starts the endpoint and writes the bundle; `extraEndpoints` are declared after the live one.
    init(extraEndpoints: [String] = []) throws {
        server = try TLSServerProcess(
            certificateFile: Self.certs.appendingPathComponent("demo/hscn-endpoint.pem"),
            keyFile: Self.certs.appendingPathComponent("demo/hscn-endpoint.key.pem"))
        bundle = folder.path("eligible-live")
        do {
            try FileManager.default.copyItem(at: ExampleBundleTests.repository.appendingPathComponent("evidence/eligible"), to: bundle)
            let manifestURL = bundle.appendingPathComponent("manifest.json")
            guard var manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any] else {
                throw ExampleReports.Failure("evidence/eligible/manifest.json is not a JSON object")
            }
            manifest["hscn"] = ["endpoints": ["https://127.0.0.1:\(server.port)/"] + extraEndpoints]
            let manifestData = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
            try manifestData.write(to: manifestURL)
            let applicant = try SigningIdentity(
                keyPEM: Data(contentsOf: Self.certs.appendingPathComponent("demo/applicant-signer.key.pem")),
                certificatePEM: Data(contentsOf: Self.certs.appendingPathComponent("demo/applicant-signer.pem")), origin: "DEMO applicant")
            try applicant.signDetached(manifestData).write(to: bundle.appendingPathComponent("manifest.json.p7s"))
        } catch {
            server.stop()
            throw error
        }
    }

    /// `check BUNDLE --trust certs --as-of … --allow-network 127.0.0.0/8` plus `extra`, with `environment` added.
    func check(asOf: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(
            ["check", bundle.path, "--trust", Self.certs.path, "--as-of", asOf, "--allow-network", "127.0.0.0/8"] + extra,
            environment: environment)
    }

    func stop() { server.stop() }
}
