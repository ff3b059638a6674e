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
        .library(name: "IntakeService", targets: ["IntakeService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // libcurl's headers only, from the default include path (Debian: /usr/include/<multiarch>/curl). Nothing
        // links libcurl: CShims loads libcurl.so.4 on the first transfer, so no pkgConfig here (it would add -lcurl).
        .systemLibrary(
            name: "CCurl",
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
            name: "IntakeService",
            dependencies: [
                "EvidenceVerifier", "PartnerRegistry", "PartnerOperations",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "PKIFixtures",
            dependencies: ["COpenSSL", "CShims", "EvidenceVerifier"]
        ),
        .executableTarget(
            name: "lcr-verify",
            dependencies: [
                "EvidenceVerifier", "PartnerRegistry", "PartnerOperations", "IntakeService",
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
