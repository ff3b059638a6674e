import EvidenceVerifier
import Foundation

/// Times `EndpointProber` over hundreds of loopback endpoints against a sequential `curl` loop.
@main
enum ProbeBenchmark {
    /// 2026-04-01T12:00:00Z, inside the DEMO certificates' validity (2025-01-01 to 2035-01-01).
    static let asOf = Date(timeIntervalSince1970: 1_775_044_800)

    static func main() async {
        let settings: BenchmarkSettings
        do {
            settings = try BenchmarkSettings(arguments: Array(CommandLine.arguments.dropFirst()))
        } catch let usage as BenchmarkUsage {
            if let message = usage.message { FileHandle.standardError.write(Data("probe-benchmark: \(message)\n".utf8)) }
            print(BenchmarkSettings.usage)
            exit(usage.message == nil ? 0 : 2)
        } catch {
            exit(2)
        }

        let endpoints: LoopbackEndpoints
        do {
            endpoints = try LoopbackEndpoints(settings)
        } catch {
            FileHandle.standardError.write(Data("probe-benchmark: cannot start the endpoints: \(error)\n".utf8))
            exit(2)
        }
        defer { endpoints.stop() }

        print("""
            endpoints: \(settings.total) on 127.0.0.1 = \(settings.live) live TLS (on \(settings.servers) openssl s_server processes), \
            \(settings.closed) closed ports, \(settings.mute) mute listeners
            prober: libcurl multi, concurrency \(settings.concurrency)
            """)
        for (label, connect, total) in [
            ("default timeouts", settings.connectTimeout, settings.timeout),
            ("fast timeouts", settings.fastConnectTimeout, settings.fastTimeout),
        ] {
            let configuration = ProbeConfiguration(
                anchors: endpoints.certificates.anchors, declaredCertificateSha256: [endpoints.certificates.declaredCertificate],
                asOf: asOf,
                allowedNetworks: [IPNetwork(cidr: "127.0.0.0/8")!], connectTimeout: .milliseconds(Int64(connect * 1000)),
                totalTimeout: .milliseconds(Int64(total * 1000)), concurrency: settings.concurrency)
            let clock = ContinuousClock()
            let started = clock.now
            let records = await EndpointProber(configuration).probe(urls: endpoints.urls)
            let elapsed = clock.now - started
            let counts = Dictionary(grouping: records, by: \.status.rawValue).mapValues(\.count)
            print("EndpointProber, \(label) (connect \(connect) s, total \(total) s): \(format(elapsed))  \(describe(counts))")
        }

        guard !settings.skipBaseline else { return }
        for (label, connect, total) in [
            ("default timeouts", settings.connectTimeout, settings.timeout),
            ("fast timeouts", settings.fastConnectTimeout, settings.fastTimeout),
        ] {
            let clock = ContinuousClock()
            let started = clock.now
            do {
                let counts = try CurlBaseline.run(endpoints.urls, connectTimeout: connect, timeout: total)
                print("baseline: sequential curl -k, \(label) (--connect-timeout \(connect) -m \(total)): \(format(clock.now - started))  \(describe(counts))")
            } catch {
                print("baseline: not run: \(error)")
            }
        }
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", seconds)
    }

    private static func describe(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}
