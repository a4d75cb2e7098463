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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "WaymarkExpression"),
        .target(name: "WaymarkCore", dependencies: ["WaymarkExpression"]),
        .target(name: "WaymarkStore", dependencies: ["WaymarkCore"]),
        .executableTarget(
            name: "waymark",
            dependencies: [
                "WaymarkCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "WaymarkExpressionTests", dependencies: ["WaymarkExpression"]),
        .testTarget(name: "WaymarkCoreTests", dependencies: ["WaymarkCore"]),
        .testTarget(name: "WaymarkCLITests", dependencies: ["waymark"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
