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
        .executableTarget(
            name: "ExpressionBenchmark",
            dependencies: [.product(name: "WaymarkExpression", package: "Waymark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
