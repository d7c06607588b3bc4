// swift-tools-version:6.1
import PackageDescription

// A release build optimises across the stages' modules as if they were one: without it, the
// generic helpers every stage calls (parallel maps, byte coding) ran unspecialised.
let stageSettings: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

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
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.0"),
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
        // The memory allocator's settings, for the release build's jemalloc.
        .target(name: "CAllocatorSettings"),
        // The stages, in the order data flows through them; each may import only those before it.
        // Shared basics: diagnostics, files, hashing, byte coding.
        .target(
            name: "HealthGuideBase",
            dependencies: ["CUnnamedFile", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: stageSettings
        ),
        // The Mustache template engine: knows nothing of health guides.
        .target(
            name: "Mustache",
            dependencies: [.product(name: "Algorithms", package: "swift-algorithms")],
            swiftSettings: stageSettings
        ),
        // Content: the site's settings, glossary and source files, read and checked.
        .target(
            name: "HealthGuideContent",
            dependencies: ["HealthGuideBase", .product(name: "Yams", package: "Yams")],
            swiftSettings: stageSettings
        ),
        // Markdown: each page's body parsed by cmark-gfm, its facts gathered, its HTML rendered.
        .target(
            name: "HealthGuideMarkdown",
            dependencies: ["CCmarkGFM", "HealthGuideContent", "HealthGuideBase"],
            swiftSettings: stageSettings
        ),
        // Links: the pages as one site graph, every link resolved.
        .target(
            name: "HealthGuideLinks",
            dependencies: ["HealthGuideMarkdown", "HealthGuideContent", "HealthGuideBase"],
            swiftSettings: stageSettings
        ),
        // Checks: the content rules, on each page and on the whole site.
        .target(
            name: "HealthGuideChecks",
            dependencies: ["HealthGuideLinks", "HealthGuideMarkdown", "HealthGuideContent", "HealthGuideBase"],
            swiftSettings: stageSettings
        ),
        // Render: template contexts for every page, and the site's templates.
        .target(
            name: "HealthGuideRender",
            dependencies: ["Mustache", "HealthGuideLinks", "HealthGuideMarkdown", "HealthGuideContent", "HealthGuideBase"],
            swiftSettings: stageSettings
        ),
        // Output: the output folder, its lock and manifest, the search index, sitemap and feed.
        .target(
            name: "HealthGuideOutput",
            dependencies: ["HealthGuideRender", "HealthGuideLinks", "HealthGuideMarkdown", "HealthGuideContent", "HealthGuideBase"],
            swiftSettings: stageSettings
        ),
        // The build: runs the stages, and keeps what lets the next build redo only what changed.
        .target(
            name: "HealthGuideKit",
            dependencies: [
                "HealthGuideOutput", "HealthGuideRender", "HealthGuideChecks", "HealthGuideLinks", "HealthGuideMarkdown",
                "HealthGuideContent", "HealthGuideBase", "Mustache",
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            swiftSettings: stageSettings
        ),
        // The preview server: kept apart so the generator library carries no server dependency.
        .target(
            name: "HealthGuidePreview",
            dependencies: [
                "HealthGuideKit", "HealthGuideOutput", "HealthGuideChecks", "HealthGuideLinks", "HealthGuideContent", "HealthGuideBase",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "healthguide",
            dependencies: [
                "HealthGuideKit", "HealthGuidePreview", "HealthGuideOutput", "HealthGuideChecks", "HealthGuideLinks",
                "HealthGuideContent", "HealthGuideBase", "CAllocatorSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
            // The release build links jemalloc where it is installed: see RELEASE_FLAGS in the Makefile.
        ),
        // The fixture sites the tests build, shared by both test targets that build sites. A
        // plain target, since a test target cannot be another's dependency; kept under Tests/
        // beside the code that uses it. It uses only public API, so it builds in any configuration.
        .target(
            name: "HealthGuideTestSupport",
            dependencies: ["HealthGuideKit", "HealthGuideContent"],
            path: "Tests/HealthGuideTestSupport"
        ),
        .testTarget(
            name: "HealthGuideKitTests",
            dependencies: [
                "HealthGuideTestSupport",
                "HealthGuideKit", "HealthGuideOutput", "HealthGuideRender", "HealthGuideChecks", "HealthGuideLinks",
                "HealthGuideMarkdown", "HealthGuideContent", "HealthGuideBase", "Mustache",
                // The end-to-end tests run the real command line, so it must be built first.
                "healthguide",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // The template engine against the official Mustache specification's test cases.
        .testTarget(
            name: "MustacheTests",
            dependencies: ["Mustache"],
            resources: [.copy("Spec")]
        ),
        .testTarget(
            name: "HealthGuidePreviewTests",
            dependencies: [
                "HealthGuideTestSupport", "HealthGuidePreview", "HealthGuideKit", "HealthGuideOutput", "HealthGuideContent",
                "HealthGuideBase",
            ]
        ),
    ]
)
