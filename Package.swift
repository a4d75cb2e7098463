// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Waymark",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
        .library(name: "WaymarkExpression", targets: ["WaymarkExpression"]),
        .library(name: "WaymarkCore", targets: ["WaymarkCore"]),
        .library(name: "WaymarkStore", targets: ["WaymarkStore"]),
        .library(name: "WaymarkSQLite", targets: ["WaymarkSQLite"]),
        .library(name: "WaymarkEngine", targets: ["WaymarkEngine"]),
        .library(name: "WaymarkWorkloads", targets: ["WaymarkWorkloads"]),
        .library(name: "WaymarkConnectors", targets: ["WaymarkConnectors"]),
        .library(name: "WaymarkLoopback", targets: ["WaymarkLoopback"]),
        .library(name: "WaymarkServer", targets: ["WaymarkServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .target(name: "WaymarkExpression"),
        .target(name: "WaymarkCore", dependencies: ["WaymarkExpression"]),
        .target(name: "WaymarkStore", dependencies: ["WaymarkCore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "WaymarkSQLite",
            dependencies: [
                "WaymarkStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),  // the hot rows bind through SQLite's C API
            ]
        ),
        .target(
            name: "WaymarkEngine",
            dependencies: [
                "WaymarkCore",
                "WaymarkStore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Custom actions and external data sources over HTTP: the engine's `ExternalCallExecutor`.
        .target(
            name: "WaymarkConnectors",
            dependencies: [
                "WaymarkCore",
                "WaymarkEngine",
                "WaymarkExpression",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // A small HTTP/1.1 server on loopback with a programmable handler: the receiver of tests and benchmarks.
        .target(
            name: "WaymarkLoopback",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The REST API (Hummingbird) over the engine on SQLite: `waymark serve`.
        .target(
            name: "WaymarkServer",
            dependencies: [
                "WaymarkCore",
                "WaymarkEngine",
                "WaymarkSQLite",
                "WaymarkConnectors",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The configs and events of the benchmark workloads (the CLI's `bench`, Benchmarks/).
        .target(name: "WaymarkWorkloads", dependencies: ["WaymarkCore"]),
        .executableTarget(
            name: "waymark",
            dependencies: [
                "WaymarkCore",
                "WaymarkEngine",
                "WaymarkSQLite",
                "WaymarkWorkloads",
                "WaymarkConnectors",
                "WaymarkLoopback",
                "WaymarkServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "WaymarkExpressionTests", dependencies: ["WaymarkExpression"]),
        .testTarget(name: "WaymarkCoreTests", dependencies: ["WaymarkCore"]),
        .testTarget(name: "WaymarkStoreTests", dependencies: ["WaymarkStore", "WaymarkSQLite"]),
        .testTarget(name: "WaymarkEngineTests", dependencies: ["WaymarkEngine", "WaymarkSQLite"]),
        .testTarget(name: "WaymarkConnectorsTests", dependencies: ["WaymarkConnectors", "WaymarkLoopback", "WaymarkSQLite"]),
        .testTarget(
            name: "WaymarkServerTests", dependencies: ["WaymarkServer", "WaymarkEngine", "WaymarkConnectors", "WaymarkLoopback", "WaymarkStore"]),
        .testTarget(name: "WaymarkCLITests", dependencies: ["waymark", "WaymarkLoopback", "WaymarkConnectors"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
