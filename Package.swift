// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lcr-verify",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lcr-verify", targets: ["lcr-verify"]),
        .library(name: "EvidenceVerifier", targets: ["EvidenceVerifier"]),
        .library(name: "PartnerRegistry", targets: ["PartnerRegistry"]),
        .library(name: "PartnerOperations", targets: ["PartnerOperations"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "CShims", dependencies: ["COpenSSL", "CCurl"]),
        .target(
            name: "EvidenceVerifier",
            dependencies: ["COpenSSL", "CCurl", "CShims", "CZlib"]
        ),
        .target(
            name: "PartnerRegistry",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "PartnerOperations",
            dependencies: ["EvidenceVerifier", "PartnerRegistry"]
        ),
        .target(
            name: "PKIFixtures",
            dependencies: ["COpenSSL", "CShims", "EvidenceVerifier"]
        ),
        .executableTarget(
            name: "lcr-verify",
            dependencies: [
                "EvidenceVerifier", "PartnerRegistry", "PartnerOperations",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "demo-pki",
            dependencies: ["PKIFixtures", "EvidenceVerifier"]
        ),
        .testTarget(
            name: "EvidenceVerifierTests",
            dependencies: [
                "EvidenceVerifier", "PKIFixtures", "CZlib",
                // The dashboard's browser tests build a real data folder (they share HeadlessBrowser with the report pages).
                "PartnerOperations", "PartnerRegistry",
            ]
        ),
        .testTarget(
            name: "PartnerRegistryTests",
            dependencies: ["PartnerRegistry"]
        ),
        .testTarget(
            name: "PartnerOperationsTests",
            dependencies: ["PartnerOperations", "PartnerRegistry", "EvidenceVerifier"]
        ),
    ]
)
