// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "palermo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "palermo", targets: ["palermo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // The domain: no Vapor, no database.
        .target(
            name: "PalermoCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "PalermoApp",
            dependencies: [
                "PalermoCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "palermo",
            dependencies: ["PalermoApp"]
        ),
        .testTarget(name: "PalermoCoreTests", dependencies: ["PalermoCore"]),
        .testTarget(
            name: "PalermoAppTests",
            dependencies: [
                "PalermoApp",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
