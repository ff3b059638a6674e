import BenchmarkBundles
import EvidenceVerifier
import Foundation
import PartnerOperations
import PartnerRegistry

/// Builds a registry of N partners (default 1,000), each the eligible example bundle under its own ODS
/// code with its manifest re-signed by the demo applicant key, submits them all in one process, then
/// times one `reverify` of every partner with probes off (`Reverifier`, as `lcr-verify reverify --all
/// --no-probe` runs it), and a few registry reads at that size. Run from this folder:
/// `swift run -c release reverify-benchmark [PARTNERS]`.
@main
enum ReverifyBenchmark {
    static func main() async throws {
        let partners = CommandLine.arguments.dropFirst().compactMap { Int($0) }.first ?? 1_000
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(".reverify-bench-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (verification, reportSigner) = try OrganisationBundles.settings()
        let settings = VerificationSettings(verification: verification, signingIdentity: reportSigner)
        let asOf = OrganisationBundles.asOf
        let registry = try PartnerRegistry.open(DataDirectory(folder.appendingPathComponent("data")))
        print("reverify-benchmark: \(partners) partners, probes off, as of 2026-04-01T12:00:00Z; data in \(folder.path), scratch in \(FileManager.default.temporaryDirectory.path)")

        let bundles = try OrganisationBundles()
        let intake = SubmissionIntake(registry: registry, settings: settings)
        let submitStart = ContinuousClock.now
        for index in 0..<partners {
            let odsCode = OrganisationBundles.odsCode(index)
            let bundle = folder.appendingPathComponent("bundles/\(odsCode)")
            try bundles.write(index, to: bundle)
            let outcome = try await intake.submit(bundle, asOf: asOf, receivedAt: asOf)
            let errors = outcome.verified.report.prerequisites.flatMap(\.findings).filter { $0.severity == .error }.map(\.code.rawValue)
            guard errors.isEmpty else { fatalError("\(odsCode) is not eligible: \(errors)") }
        }
        let submitted = seconds(ContinuousClock.now - submitStart)
        print(String(format: "submit:   %d bundles (pack, store, verify, sign, record) in %.2f s, %.1f ms each", partners, submitted, submitted * 1000 / Double(partners)))

        let everyone = try registry.partners()
        let later = asOf.addingTimeInterval(7 * 86_400)
        for concurrency in [1, 2, 8] {
            let start = ContinuousClock.now
            let results = await Reverifier(registry: registry, settings: settings, concurrency: concurrency)
                .run(everyone, asOf: later, noticeDays: 30, recordedAt: { Date() })
            let elapsed = seconds(ContinuousClock.now - start)
            if let failed = results.first(where: { $0.decision != "eligible" }) { fatalError("\(failed.odsCode): \(failed)") }
            print(String(format: "reverify: %d partners in %.2f s (%.1f ms each), concurrency %d", results.count, elapsed, elapsed * 1000 / Double(results.count), concurrency))
        }

        for (label, read) in [
            ("partners()", { _ = try registry.partners() }),
            ("latestVerifications()", { _ = try registry.latestVerifications() }),
            ("verifications(one)", { _ = try registry.verifications(odsCode: "Y00000") }),
        ] as [(String, () throws -> Void)] {
            let start = ContinuousClock.now
            for _ in 0..<20 { try read() }
            print(String(format: "read:     %@ %.2f ms", label, seconds(ContinuousClock.now - start) * 1000 / 20))
        }
        let size = (try FileManager.default.attributesOfItem(atPath: registry.dataDirectory.registryFile.path)[.size] as? Int) ?? 0
        print(String(format: "registry: %.1f MB for %d partners and %d verifications", Double(size) / 1_048_576, partners, partners * 3))
    }

    static func seconds(_ duration: Duration) -> Double { OrganisationBundles.seconds(duration) }
}
