import EvidenceVerifier
import Foundation

/// The endpoints under test, all on 127.0.0.1: live TLS (paths spread over a few `openssl s_server`
/// processes presenting the DEMO HSCN endpoint certificate), closed ports, and mute listeners. Holds
/// everything it started until `stop()`.
final class LoopbackEndpoints {
    let urls: [String]
    let certificates: DemoCertificates
    private let servers: [DemoTLSServer]
    private var sockets: [BoundLoopbackSocket]

    init(_ settings: BenchmarkSettings) throws {
        certificates = try DemoCertificates()
        var started: [DemoTLSServer] = []
        do {
            for _ in 0..<(settings.live > 0 ? settings.servers : 0) {
                started.append(try DemoTLSServer(certificates: certificates))
            }
        } catch {
            started.forEach { $0.stop() }
            throw error
        }
        servers = started
        let closedPorts = try (0..<settings.closed).map { _ in try BoundLoopbackSocket(listening: false) }
        let muteListeners = try (0..<settings.mute).map { _ in try BoundLoopbackSocket(listening: true) }
        sockets = closedPorts + muteListeners

        let live = (0..<settings.live).map { "https://127.0.0.1:\(started[$0 % started.count].port)/endpoint-\($0)" }
        let closed = closedPorts.map { "https://127.0.0.1:\($0.port)/" }
        let mute = muteListeners.map { "https://127.0.0.1:\($0.port)/" }
        urls = Self.interleave(live + closed + mute)
    }

    /// Kills and reaps the servers and closes the sockets.
    func stop() {
        servers.forEach { $0.stop() }
        sockets = []
    }

    /// A fixed pseudo-random order (same every run), so slow endpoints are spread through the list.
    private static func interleave(_ urls: [String]) -> [String] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var result = urls
        for index in result.indices.reversed() where index > 0 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            result.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        return result
    }
}
