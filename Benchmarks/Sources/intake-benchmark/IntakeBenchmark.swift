import BenchmarkBundles
import EvidenceVerifier
import Foundation
import IntakeService
import PartnerOperations
import PartnerRegistry

/// Loads the intake service: N uploads (default 200, each a different organisation's eligible bundle,
/// packed beforehand) from C concurrent clients (default 8) over TLS on 127.0.0.1 against a real
/// `IntakeServer` (Hummingbird, the routes, the registry and the store `serve` runs), each client a
/// thread of its own sending with libcurl as `upload` does. Prints requests per second and the p50/p99
/// latency, and checks that no request failed and that every upload was recorded exactly once. Run
/// from this folder: `swift run -c release intake-benchmark [UPLOADS] [CLIENTS]`.
@main
enum IntakeBenchmark {
    static func main() async throws {
        let numbers = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let uploads = numbers.first ?? 200, clients = numbers.dropFirst().first ?? 8
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(".intake-bench-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundles = try OrganisationBundles()
        let zips = try (0..<uploads).map { index in
            let bundle = folder.appendingPathComponent("bundles/\(OrganisationBundles.odsCode(index))")
            try bundles.write(index, to: bundle)
            let zip = folder.appendingPathComponent("zips/\(index).zip")
            try FileManager.default.createDirectory(at: zip.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = try BundlePacker().pack(folder: bundle, to: zip)
            return zip
        }

        let registry = try PartnerRegistry.open(DataDirectory(folder.appendingPathComponent("data")))
        let token = try TokenIssuer(registry: registry).issue(odsCode: nil, at: OrganisationBundles.asOf).token.text
        let (verification, reportSigner) = try OrganisationBundles.settings()
        let certs = OrganisationBundles.certs
        let server = IntakeServer(
            configuration: .init(
                host: "127.0.0.1", port: 0, certificateChain: certs.appendingPathComponent("demo/hscn-endpoint.pem"),
                privateKey: certs.appendingPathComponent("demo/hscn-endpoint.key.pem")),
            registry: registry, settings: VerificationSettings(verification: verification, signingIdentity: reportSigner),
            reportAnchors: nil, fixedAsOf: OrganisationBundles.asOf)
        let listening = AsyncStream.makeStream(of: Int.self)
        let service = Task { try await server.run { _, port in listening.continuation.yield(port) } }
        var ports = listening.stream.makeAsyncIterator()
        guard let port = await ports.next() else { fatalError("the service did not start") }
        FileHandle.standardError.write(Data("intake-benchmark: \(uploads) uploads (\(zips.first.map(size) ?? 0) bytes each) from \(clients) clients to https://127.0.0.1:\(port), probes off (the access log goes to stdout)\n".utf8))

        let options = HTTPSExchange.Options(caFile: certs.appendingPathComponent("hscn/demo-hscn-root.pem").path, connectSeconds: 10, totalSeconds: 120)
        let results = Results(count: uploads)
        let started = ContinuousClock.now
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let group = DispatchGroup()
            for _ in 0..<clients {
                group.enter()
                // Threads of their own: libcurl blocks, and the service's routes run on the cooperative pool.
                Thread.detachNewThread {
                    while let index = results.next() {
                        let start = ContinuousClock.now
                        let answer = HTTPSExchange.post(
                            file: zips[index], to: "https://127.0.0.1:\(port)/v1/submissions",
                            headers: ["Authorization: Bearer \(token)"], contentType: "application/zip", options: options)
                        results.record(index, answer, seconds: OrganisationBundles.seconds(ContinuousClock.now - start))
                    }
                    group.leave()
                }
            }
            group.notify(queue: .global()) { done.resume() }
        }
        let elapsed = OrganisationBundles.seconds(ContinuousClock.now - started)
        service.cancel()

        let (latencies, failures) = results.summary()
        let submissions = try registry.partners().reduce(0) { $0 + (try registry.submissions(odsCode: $1.odsCode).count) }
        let recordedOnce = try (0..<uploads).allSatisfy { try registry.submissions(odsCode: OrganisationBundles.odsCode($0)).count == 1 }
        FileHandle.standardError.write(Data(String(
            format: "%d uploads in %.2f s: %.1f requests/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
            uploads, elapsed, Double(uploads) / elapsed, percentile(latencies, 0.50) * 1000, percentile(latencies, 0.99) * 1000,
            (latencies.last ?? 0) * 1000).utf8))
        FileHandle.standardError.write(Data("failures: \(failures.count) \(failures.prefix(3)); submissions recorded: \(submissions); every upload exactly once: \(recordedOnce)\n".utf8))
        guard failures.isEmpty, submissions == uploads, recordedOnce else { exit(1) }
    }

    static func size(_ url: URL) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((fraction * Double(sorted.count)).rounded(.up)) - 1)]
    }
}

/// The uploads still to send, handed out one at a time, and what each got, under a lock.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    private var latencies: [Double] = []
    private var failures: [String] = []

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func record(_ index: Int, _ answer: Result<HTTPSExchange.Answer, HTTPSExchange.Failure>, seconds: Double) {
        lock.withLock {
            latencies.append(seconds)
            switch answer {
            case .success(let answer) where answer.status == 201: break
            case .success(let answer): failures.append("\(index): HTTP \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
            case .failure(let failure): failures.append("\(index): \(failure.message)")
            }
        }
    }

    func summary() -> (sortedLatencies: [Double], failures: [String]) {
        lock.withLock { (latencies.sorted(), failures) }
    }
}
