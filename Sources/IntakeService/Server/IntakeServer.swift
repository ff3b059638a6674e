import EvidenceVerifier
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import PartnerOperations
import PartnerRegistry

/// The HTTPS intake service (`serve`, DESIGN §7): Hummingbird 2 over TLS on one address, with the
/// routes of `IntakeRoutes`, the access log and the client time limits of `IntakeLimits`.
public struct IntakeServer: Sendable {
    /// What the service runs with.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var certificateChain: URL
        public var privateKey: URL
        public var limits: IntakeLimits

        public init(host: String, port: Int, certificateChain: URL, privateKey: URL, limits: IntakeLimits = .standard) {
            self.host = host
            self.port = port
            self.certificateChain = certificateChain
            self.privateKey = privateKey
            self.limits = limits
        }
    }

    let configuration: Configuration
    let routes: IntakeRoutes

    /// `reportAnchors` (report-signing anchors) let the dashboard say whether each latest report's signature holds;
    /// `fixedAsOf` pins the instant of verification (for tests and demonstrations; normally the moment of upload).
    public init(
        configuration: Configuration, registry: PartnerRegistry, settings: VerificationSettings, reportAnchors: [Certificate]?,
        fixedAsOf: Date? = nil
    ) {
        self.configuration = configuration
        self.routes = IntakeRoutes(registry: registry, settings: settings, reportAnchors: reportAnchors, fixedAsOf: fixedAsOf)
    }

    /// Runs until SIGTERM or SIGINT; `onListening` gets the bound address (a port of 0 is chosen by the kernel).
    public func run(onListening: @escaping @Sendable (String, Int) -> Void) async throws {
        let router = Router(context: IntakeRequestContext.self)
        router.middlewares.add(AccessLogMiddleware())
        routes.add(to: router)
        let limits = configuration.limits
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [BodyPaceHandler(limits: limits)],
            idleTimeout: .nanoseconds(Int64(limits.headSeconds * 1_000_000_000)))
        var logger = Logger(label: "lcr-verify.serve")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            server: try .tls(.http1(configuration: http), tlsConfiguration: try tlsConfiguration()),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                onListening(channel.localAddress?.ipAddress ?? "?", channel.localAddress?.port ?? 0)
            },
            logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError {
            // Binding failed: an address this host does not have, a port in use or reserved.
            throw InputError("--listen \(configuration.host):\(configuration.port)", "cannot be listened on (\(error.description))")
        }
    }

    private func tlsConfiguration() throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(configuration.certificateChain.path)
        } catch {
            throw InputError(configuration.certificateChain.path, "is not a PEM certificate chain (\(error))")
        }
        do {
            key = try NIOSSLPrivateKey(file: configuration.privateKey.path, format: .pem)
        } catch {
            throw InputError(configuration.privateKey.path, "is not a PEM private key (\(error))")
        }
        guard !chain.isEmpty else { throw InputError(configuration.certificateChain.path, "holds no certificate") }
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        return tls
    }
}
