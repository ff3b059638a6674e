// swift-tools-version:6.0
import PackageDescription

// The benchmarks (endpoint probes, the 1,000,000-row training file, check end to end, signatures, re-verifying 1,000 partners, loading the intake service), kept out of the main package so its build and run never slow `swift test`.
// Run from this folder: `swift run -c release probe-benchmark --help`, `swift run -c release training-benchmark`, `swift run -c release check-benchmark`, `swift run -c release signatures-benchmark`, `swift run -c release reverify-benchmark`, `swift run -c release intake-benchmark`.
let package = Package(
    name: "lcr-verify-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "lcr-verify", path: ".."),
    ],
    targets: [
        .target(
            name: "BenchmarkBundles",
            dependencies: [.product(name: "EvidenceVerifier", package: "lcr-verify")]
        ),
        .executableTarget(
            name: "probe-benchmark",
            dependencies: [.product(name: "EvidenceVerifier", package: "lcr-verify")]
        ),
        .executableTarget(
            name: "training-benchmark",
            dependencies: [.product(name: "EvidenceVerifier", package: "lcr-verify")]
        ),
        .target(name: "BenchmarkSupport"),
        .executableTarget(
            name: "check-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "EvidenceVerifier", package: "lcr-verify")]
        ),
        .executableTarget(
            name: "signatures-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "EvidenceVerifier", package: "lcr-verify")]
        ),
        .executableTarget(
            name: "reverify-benchmark",
            dependencies: [
                "BenchmarkBundles",
                .product(name: "EvidenceVerifier", package: "lcr-verify"),
                .product(name: "PartnerRegistry", package: "lcr-verify"),
                .product(name: "PartnerOperations", package: "lcr-verify"),
            ]
        ),
        .executableTarget(
            name: "intake-benchmark",
            dependencies: [
                "BenchmarkBundles",
                .product(name: "EvidenceVerifier", package: "lcr-verify"),
                .product(name: "PartnerRegistry", package: "lcr-verify"),
                .product(name: "PartnerOperations", package: "lcr-verify"),
                .product(name: "IntakeService", package: "lcr-verify"),
            ]
        ),
    ]
)
