// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that the main package never builds benchmark tooling.
let package = Package(
    name: "WaymarkBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Waymark", path: "..")
    ],
    targets: [
        .target(name: "BenchmarkSupport"),
        .executableTarget(
            name: "ExpressionBenchmark",
            dependencies: ["BenchmarkSupport", .product(name: "WaymarkExpression", package: "Waymark")]
        ),
        .executableTarget(
            name: "RuntimeBenchmark",
            dependencies: [
                "BenchmarkSupport", .product(name: "WaymarkCore", package: "Waymark"),
                .product(name: "WaymarkWorkloads", package: "Waymark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
