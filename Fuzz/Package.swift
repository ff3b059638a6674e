// swift-tools-version:6.0
// libFuzzer targets for lcr-verify's parsers of hostile input. A separate package, so `swift build` and
// `swift test` at the top level never build them; `scripts/fuzz.sh TARGET SECONDS` builds one with
// `-sanitize=fuzzer,address` and runs it over its committed seed corpus (Fuzz/Corpus/TARGET).
import PackageDescription

let library: Target.Dependency = .product(name: "EvidenceVerifier", package: "lcr-verify")

let package = Package(
    name: "lcr-verify-fuzz",
    dependencies: [.package(name: "lcr-verify", path: "..")],
    targets: [.target(name: "FuzzDriver")] + ["fuzz-csv", "fuzz-manifest", "fuzz-zip", "fuzz-certificate", "fuzz-cms"].map { name in
        .executableTarget(name: name, dependencies: [library, "FuzzDriver"], swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
)
