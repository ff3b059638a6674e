import ArgumentParser
import EvidenceVerifier
import Foundation
import IntakeService
import PartnerOperations

/// `lcr-verify serve`: the HTTPS intake service over the data folder (DESIGN §7).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTPS intake service over the data folder (uploads, submissions, reports, partners, dashboard).",
        discussion: """
            Routes: POST /v1/submissions (a bundle zip; a bearer token from `tokens issue`), GET /v1/submissions/{id}, \
            .../report.json, .../report.json.p7s, GET /v1/partners and GET / (the dashboard; steering group), GET /healthz. \
            Uploads are verified as of the moment they arrive (or --as-of, for tests and demonstrations), exactly as \
            `submit` verifies. One JSON access-log line per \
            request goes to stdout; "listening on https://HOST:PORT" goes to stderr once the port is bound (port 0 lets \
            the kernel choose). SIGTERM or SIGINT stops the service after the requests in progress.
            """)

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "HOST:PORT"))
    var listen: String = "127.0.0.1:8443"

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("The server's PEM certificate, intermediates appended.", valueName: "PEM"))
    var tlsCert: String

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The server's PEM private key.", valueName: "PEM"))
    var tlsKey: String

    @OptionGroup var data: DataDirectoryOptions
    /// `--as-of` pins the instant of verification (for tests and demonstrations); without it, each upload's moment.
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var signing: ReportSigningOptions

    /// Client time limits, for tests (the contract's 10 s head, 16 KiB per 30 s body by default).
    @Option(name: .customLong("head-timeout"), help: .hidden) var headTimeout: Double = IntakeLimits.standard.headSeconds
    @Option(name: .customLong("body-window"), help: .hidden) var bodyWindow: Double = IntakeLimits.standard.bodyWindowSeconds
    @Option(name: .customLong("body-minimum-bytes"), help: .hidden) var bodyMinimumBytes: Int = IntakeLimits.standard.minimumBodyBytes

    func validate() throws {
        guard ListenAddress(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, such as 127.0.0.1:8443 or [::1]:8443") }
        guard headTimeout > 0, bodyWindow > 0, bodyMinimumBytes >= 0 else {
            throw ValidationError("the time limits must be more than 0 seconds and the body minimum 0 bytes or more")
        }
    }

    func run() async throws {
        guard let address = ListenAddress(listen) else { throw ValidationError("--listen must be HOST:PORT") }
        let settings = try verification.settings(signing: signing, policy: try verification.effectivePolicy())
        let registry = try data.openRegistry()
        let reportAnchors = try? verification.trust.anchors(.reportSigning)
        let server = IntakeServer(
            configuration: .init(
                host: address.host, port: address.port,
                certificateChain: URL(fileURLWithPath: tlsCert), privateKey: URL(fileURLWithPath: tlsKey),
                limits: IntakeLimits(headSeconds: headTimeout, bodyWindowSeconds: bodyWindow, minimumBodyBytes: bodyMinimumBytes)),
            registry: registry, settings: settings, reportAnchors: reportAnchors, fixedAsOf: verification.asOf.asOf)
        try await server.run { host, port in
            let shown = host.contains(":") ? "[\(host)]" : host
            Console.error("listening on https://\(shown):\(port)")
        }
    }
}

/// `--listen HOST:PORT` (`[v6]:PORT` for an IPv6 address).
struct ListenAddress {
    let host: String
    let port: Int

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }
}
