// swift-tools-version:6.0
import PackageDescription

// The benchmarks (endpoint probes, the 1,000,000-row training file), kept out of the main package so its build and run never slow `swift test`.
// Run from this folder: `swift run -c release probe-benchmark --help`, `swift run -c release training-benchmark`.
let package = Package(
    name: "lcr-verify-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "lcr-verify", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "probe-benchmark",
            dependencies: [.product(name: "EvidenceVerifier", package: "lcr-verify")]
        ),
        .executableTarget(
            name: "training-benchmark",
            dependencies: [.product(name: "EvidenceVerifier", package: "lcr-verify")]
        ),
    ]
)
