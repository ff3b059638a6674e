import BenchmarkSupport
import EvidenceVerifier
import Foundation

/// Verifies the signatures of N bundles (default 1,000) in one process at an as-of instant: each
/// bundle's `manifest.json.p7s` and its HSCN agreement's detached signature, every signer's chain to
/// the signer anchors (`BundleSignatures`, as `check` does). Beside it, in the same run: a loop of
/// `openssl cms -verify` processes over the same signatures (the baseline a script would be), and
/// `openssl speed ecdsap256` (the floor: the P-256 verifications those signatures and chains need).
/// Run from `Benchmarks/`: `swift run -c release signatures-benchmark [BUNDLES]`.
@main
enum SignaturesBenchmark {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = Date(timeIntervalSince1970: 1_775_044_800)  // 2026-04-01T12:00:00Z
    /// Two P-256 verifications per signature: the signature itself, and the signer's certificate by the
    /// root (the root's own self-signature is not checked, by OpenSSL or by us).
    static let verificationsPerSignature = 2

    static func main() async throws {
        let count = CommandLine.arguments.dropFirst().compactMap { Int($0) }.first ?? 1_000
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signatures-bench-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certs = repository.appendingPathComponent("certs", isDirectory: true)
        let anchors = try TrustAnchors.load(.signers, from: certs)
        print("signatures-benchmark: \(count) bundles, manifest and HSCN agreement signatures with their chains, as of 2026-04-01T12:00:00Z")

        let bundles = try makeBundles(count, in: folder, certs: certs)
        let readStart = ContinuousClock.now
        let read = try bundles.map { try EvidenceBundleReader().read($0) }
        let readSeconds = durationSeconds(ContinuousClock.now - readStart)

        // Warm up OpenSSL's tables once, then time every bundle's signatures in this process.
        let verifier = DetachedSignatureVerifier(anchors: anchors, refusedDigests: Policy.defaults.hscn.refusedSignatureDigests)
        _ = BundleSignatures(bundle: read[0], verifier: verifier, at: asOf)
        let start = ContinuousClock.now
        var signatures = 0
        for bundle in read {
            let verdicts = BundleSignatures(bundle: bundle, verifier: verifier, at: asOf)
            guard allValid(verdicts) else {
                throw BenchmarkError("\(bundle.source.path): a signature did not verify")
            }
            signatures += 1 + verdicts.files.count
        }
        let inProcess = durationSeconds(ContinuousClock.now - start)

        // The same verifications split across one task a core, as `reverify` runs partners.
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let concurrentStart = ContinuousClock.now
        let verified = await withTaskGroup(of: Int.self) { group in
            for core in 0..<cores {
                let slice = Array(read[(read.count * core / cores)..<(read.count * (core + 1) / cores)])
                group.addTask {
                    slice.reduce(0) { valid, bundle in
                        valid + (allValid(BundleSignatures(bundle: bundle, verifier: verifier, at: asOf)) ? 1 : 0)
                    }
                }
            }
            var total = 0
            for await valid in group { total += valid }
            return total
        }
        let concurrent = durationSeconds(ContinuousClock.now - concurrentStart)
        guard verified == read.count else { throw BenchmarkError("\(read.count - verified) bundles did not verify in the concurrent run") }

        let openssl = try opensslLoop(bundles, certs: certs)
        let floor = try ecdsaVerificationsPerSecond()
        let verifications = signatures * verificationsPerSignature
        let floorSeconds = Double(verifications) / floor

        print(String(format: "  %-46@ %8.3f s  %8.0f bundles/s", "read the bundles (snapshot, hash; not timed below)", readSeconds, Double(count) / readSeconds))
        print(String(format: "  %-46@ %8.3f s  %8.0f bundles/s  %6.0f µs a signature", "BundleSignatures in one process", inProcess, Double(count) / inProcess, inProcess * 1e6 / Double(signatures)))
        print(String(format: "  %-46@ %8.3f s  %8.0f bundles/s", "loop of openssl cms -verify processes", openssl, Double(count) / openssl))
        print(String(format: "  %-46@ %8.3f s  (%d verifications at %.0f/s)", "openssl speed ecdsap256 floor", floorSeconds, verifications, floor))
        print(String(format: "  %-46@ %8.3f s  %8.0f bundles/s", "BundleSignatures, \(cores) tasks (as reverify runs)", concurrent, Double(count) / concurrent))
        let speedUp = openssl / inProcess, overFloor = inProcess / floorSeconds
        print(String(format: "  one task: %.1f× the openssl loop (target ≥ 20×: %@); %.2f× the ecdsap256 floor (target ≤ 3×: %@)",
                     speedUp, speedUp >= 20 ? "met" : "NOT met", overFloor, overFloor <= 3 ? "met" : "NOT met"))
        // The floor for several cores assumes openssl speed's one-core rate on each of them.
        let concurrentSpeedUp = openssl / concurrent, concurrentOverFloor = concurrent / (floorSeconds / Double(cores))
        print(String(format: "  %d tasks: %.1f× the openssl loop (target ≥ 20×: %@); %.2f× the floor on %d cores (target ≤ 3×: %@)",
                     cores, concurrentSpeedUp, concurrentSpeedUp >= 20 ? "met" : "NOT met", concurrentOverFloor, cores, concurrentOverFloor <= 3 ? "met" : "NOT met"))
    }

    /// Whether a bundle's manifest signature and its one evidence signature (the HSCN agreement's) are valid.
    static func allValid(_ verdicts: BundleSignatures) -> Bool {
        verdicts.manifestSigner != nil && verdicts.files.count == 1
            && verdicts.files.values.allSatisfy { if case .valid = $0 { true } else { false } }
    }

    /// The eligible example under `count` ODS codes, each manifest signed again by the DEMO applicant key.
    static func makeBundles(_ count: Int, in folder: URL, certs: URL) throws -> [URL] {
        let template = repository.appendingPathComponent("evidence/eligible")
        let applicant = try SigningIdentity(
            keyFile: certs.appendingPathComponent("demo/applicant-signer.key.pem"),
            certificateFile: certs.appendingPathComponent("demo/applicant-signer.pem"))
        let manifest = try String(contentsOf: template.appendingPathComponent("manifest.json"), encoding: .utf8)
        return try (0..<count).map { index in
            let bundle = folder.appendingPathComponent(String(format: "Y%05d", index))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: template, to: bundle)
            let bytes = Data(manifest.replacingOccurrences(of: "\"B86001\"", with: String(format: "\"Y%05d\"", index)).utf8)
            try bytes.write(to: bundle.appendingPathComponent("manifest.json"))
            try applicant.signDetached(bytes).write(to: bundle.appendingPathComponent("manifest.json.p7s"))
            return bundle
        }
    }

    /// `openssl cms -verify` once per signature, one process after another, at the same instant.
    static func opensslLoop(_ bundles: [URL], certs: URL) throws -> Double {
        let anchor = certs.appendingPathComponent("signers/demo-evidence-root.pem").path
        let start = ContinuousClock.now
        for bundle in bundles {
            for (signature, content) in [("manifest.json.p7s", "manifest.json"), ("hscn/agreement.pdf.p7s", "hscn/agreement.pdf")] {
                let run = try ChildRun.run("openssl", [
                    "cms", "-verify", "-binary", "-inform", "DER", "-in", bundle.appendingPathComponent(signature).path,
                    "-content", bundle.appendingPathComponent(content).path, "-CAfile", anchor, "-purpose", "any",
                    "-attime", String(Int(asOf.timeIntervalSince1970)), "-out", "/dev/null",
                ])
                guard run.exitStatus == 0 else { throw BenchmarkError("openssl cms -verify failed on \(bundle.path)/\(signature)") }
            }
        }
        return durationSeconds(ContinuousClock.now - start)
    }

    /// P-256 verifications per second on one core, from `openssl speed -seconds 3 ecdsap256`.
    static func ecdsaVerificationsPerSecond() throws -> Double {
        let run = try ChildRun.run("openssl", ["speed", "-seconds", "3", "ecdsap256"])
        guard let line = run.output.split(separator: "\n").last(where: { $0.contains("ecdsa (nistp256)") }),
              let rate = line.split(separator: " ").last.flatMap({ Double($0) }) else {
            throw BenchmarkError("cannot read openssl speed's output: \(run.output)")
        }
        return rate
    }
}
