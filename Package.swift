// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lcr-verify",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lcr-verify", targets: ["lcr-verify"]),
        .library(name: "EvidenceVerifier", targets: ["EvidenceVerifier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        .target(name: "CShims", dependencies: ["COpenSSL", "CCurl"]),
        .target(
            name: "EvidenceVerifier",
            dependencies: ["COpenSSL", "CCurl", "CShims", "ZIPFoundation"]
        ),
        .target(
            name: "PKIFixtures",
            dependencies: ["COpenSSL", "CShims", "EvidenceVerifier"]
        ),
        .executableTarget(
            name: "lcr-verify",
            dependencies: [
                "EvidenceVerifier",
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
                "EvidenceVerifier", "PKIFixtures",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
