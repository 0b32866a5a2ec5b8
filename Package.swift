// swift-tools-version:6.0
import PackageDescription

// One job per target (see ../shared/STYLE.md): the wire layer never sees HCL, the parser never sees AWS.
let package = Package(
    name: "drift",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "drift", targets: ["drift"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
    ],
    targets: [
        // Values, snapshot, baseline and schema models shared by scanner, evaluator and comparer.
        .target(name: "DriftModel"),
        .target(name: "SigV4", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "AWSClient", dependencies: ["SigV4", "DriftModel", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Scanner", dependencies: ["AWSClient", "DriftModel", .product(name: "Crypto", package: "swift-crypto")]),
        // Numbers as Terraform computes them: 512-bit binary floating point on BigInt's integers.
        .target(name: "HCL", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .target(name: "Terraform", dependencies: [
            "HCL", "DriftModel", .product(name: "Crypto", package: "swift-crypto"), .product(name: "BigInt", package: "BigInt"),
        ]),
        // The estate a scan covers: roots, accounts, regions and shards (`drift.hcl`).
        .target(name: "Estate", dependencies: ["HCL", "DriftModel"]),
        .target(name: "DriftCore", dependencies: ["DriftModel", "Terraform", "Scanner", "AWSClient", "Estate"]),
        // The scheduled scan's memory: a store protocol (one test suite for every engine), the
        // SQLite engine through GRDB, and the views computed from it (status, timelines, diffs).
        .target(name: "History", dependencies: [
            "DriftCore", "DriftModel", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Webhook notifications (Slack-compatible) for a scan's new and resolved findings.
        .target(name: "Notify", dependencies: ["DriftCore", "DriftModel", "AWSClient"]),
        .executableTarget(name: "drift", dependencies: [
            "DriftCore", "Estate", "History", "Notify", "Scanner", "Terraform", "AWSClient", "DriftModel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TestSupport", path: "Sources/TestSupport"),
        .testTarget(name: "DriftModelTests", dependencies: ["DriftModel"]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"]),
        .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "SigV4", "TestSupport"]),
        .testTarget(name: "ScannerTests", dependencies: ["Scanner", "AWSClient", "DriftModel", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "HCLTests", dependencies: ["HCL", .product(name: "BigInt", package: "BigInt")], resources: [.copy("Fixtures")]),
        .testTarget(name: "TerraformTests", dependencies: ["Terraform", "HCL", "DriftModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DriftCoreTests", dependencies: ["DriftCore", "DriftModel", "Terraform", "Scanner", "TestSupport", "Estate", "AWSClient"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EstateTests", dependencies: ["Estate", "HCL"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "DriftCore", "DriftModel", "TestSupport"]),
        .testTarget(
            name: "DriftCLITests", dependencies: ["TestSupport", "DriftModel", "Terraform"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
