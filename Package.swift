// swift-tools-version:6.1
import PackageDescription

// One job per target (see ../shared/STYLE.md): the wire layer never sees HCL, the parser never sees AWS.
let package = Package(
    name: "drift",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "drift", targets: ["drift"]),
    ],
    // PostgreSQL brings SwiftNIO and BoringSSL (minutes of compiling on 2 cores): the history's
    // PostgreSQL engine is built only with `--traits PostgreSQL` (scripts/test, scripts/release).
    traits: [
        .trait(name: "PostgreSQL", description: "The PostgreSQL history engine (postgres-nio): --history postgres://…"),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
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
        // The PostgreSQL engine of the same store (one shared history for many scanners). Empty
        // unless the PostgreSQL trait is on.
        .target(name: "HistoryPostgres", dependencies: [
            "History", "DriftCore", "DriftModel", .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
        ]),
        // Webhook notifications (Slack-compatible) for a scan's new and resolved findings.
        .target(name: "Notify", dependencies: ["DriftCore", "DriftModel", "AWSClient"]),
        .executableTarget(name: "drift", dependencies: [
            "DriftCore", "Estate", "History", "HistoryPostgres", "Notify", "Scanner", "Terraform", "AWSClient", "DriftModel",
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
        .testTarget(name: "HistoryTests", dependencies: ["History", "HistoryPostgres", "DriftCore", "DriftModel", "TestSupport"]),
        .testTarget(
            name: "DriftCLITests", dependencies: ["TestSupport", "DriftModel", "Terraform"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
