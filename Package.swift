// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "HealthGuide",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "healthguide", targets: ["healthguide"]),
        .library(name: "HealthGuideKit", targets: ["HealthGuideKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already in the graph through Hummingbird; named for the types the preview uses directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
                .brew(["cmark-gfm"]),
            ]
        ),
        // Writing a page under its final name in one step, on systems that can.
        .target(name: "CUnnamedFile"),
        .target(
            name: "HealthGuideKit",
            dependencies: [
                "CCmarkGFM",
                "CUnnamedFile",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The preview server: kept apart so the generator library carries no server dependency.
        .target(
            name: "HealthGuidePreview",
            dependencies: [
                "HealthGuideKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "healthguide",
            dependencies: [
                "HealthGuideKit",
                "HealthGuidePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a build makes and
            // frees millions of small objects on every core, and glibc grows each thread's heap
            // a page at a time. Builds after one edit took about an eighth less time with it.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "HealthGuideKitTests",
            dependencies: [
                "HealthGuideKit",
                // The end-to-end tests run the real command line, so it must be built first.
                "healthguide",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // The official Mustache specification's test cases, for the template engine.
            resources: [.copy("TemplateEngine/Spec")]
        ),
        .testTarget(
            name: "HealthGuidePreviewTests",
            dependencies: ["HealthGuidePreview", "HealthGuideKit"]
        ),
    ]
)
