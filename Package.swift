// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: the compiler holds the layer boundaries.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "referat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "referat", targets: ["referat"]),
        .library(name: "ReferatRecords", targets: ["ReferatRecords"]),
        .library(name: "ReferatParsing", targets: ["ReferatParsing"]),
        .library(name: "ReferatAnalysis", targets: ["ReferatAnalysis"]),
        .library(name: "ReferatIndexing", targets: ["ReferatIndexing"]),
        .library(name: "ReferatIndex", targets: ["ReferatIndex"]),
        .library(name: "ReferatStore", targets: ["ReferatStore"]),
        .library(name: "ReferatEngine", targets: ["ReferatEngine"]),
        .library(name: "ReferatSearch", targets: ["ReferatSearch"]),
        .library(name: "ReferatImport", targets: ["ReferatImport"]),
        .library(name: "ReferatPresentation", targets: ["ReferatPresentation"]),
        .library(name: "ReferatServe", targets: ["ReferatServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Layer 0: plain value types, no dependencies at all.
        .target(name: "ReferatRecords", swiftSettings: strictSettings),
        // Layer 1: bytes and text to records.
        // SHA-256 from OpenSSL's libcrypto, which uses the processor's SHA instructions.
        .target(name: "CDigest", linkerSettings: [.linkedLibrary("crypto")]),
        .target(name: "ReferatParsing", dependencies: ["ReferatRecords", "CDigest"], swiftSettings: strictSettings),
        // Layer 1: Danish text to index tokens, through ICU and Snowball.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(name: "ReferatAnalysis", dependencies: ["CICU", "CStemmer", "CMappedFile"], swiftSettings: strictSettings),
        // Layer 2: the indexing step (a parsed document's entries, analysed) and the seam
        // between search and any engine (query trees of analysed terms, results, protocols).
        .target(name: "ReferatIndexing", dependencies: ["ReferatRecords", "ReferatAnalysis"], swiftSettings: strictSettings),
        .target(name: "ReferatIndex", dependencies: ["ReferatAnalysis"], swiftSettings: strictSettings),
        // Layer 3: the records in SQLite (the only target that imports GRDB) and the search index
        // behind the seam, committed together. zstd keeps section text small on disk; zlib reads
        // the blobs of indexes written before it.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "CZstdPacking", linkerSettings: [.linkedLibrary("zstd")]),
        .target(
            name: "ReferatStore",
            dependencies: [
                "ReferatRecords", "ReferatAnalysis", "ReferatIndexing", "ReferatIndex", "ReferatEngine", "CZlib", "CZstdPacking", "CSQLiteTuning",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The segment engine (issue 18): immutable segment files, block-max top k, the search
        // behind the seam. It knows no SQLite: the store records its generation with the records.
        // CRC-32C with the processor's instruction, for the engine's files.
        .target(name: "CChecksum"),
        // Read-only mappings of segment and cache files, guarded against a file cut short under them.
        .target(name: "CMappedFile"),
        .target(name: "ReferatEngine", dependencies: ["ReferatIndex", "CChecksum", "CMappedFile"], swiftSettings: strictSettings),
        // Layer 4: the query language over the seam (it knows no engine); batch import.
        .target(name: "ReferatSearch", dependencies: ["ReferatRecords", "ReferatAnalysis", "ReferatIndex"], swiftSettings: strictSettings),
        .target(name: "ReferatImport", dependencies: ["ReferatRecords", "ReferatParsing", "ReferatAnalysis", "ReferatEngine", "ReferatStore"], swiftSettings: strictSettings),
        // Layer 5: what a search, a case, a person or the archive looks like to a reader, one
        // renderer per format (text, JSON, CSV, HTML, Atom); the CLI and the web page both use it.
        .target(
            name: "ReferatPresentation",
            dependencies: ["ReferatRecords", "ReferatIndex", "ReferatSearch", "ReferatStore"],
            swiftSettings: strictSettings
        ),
        // Layer 6: `referat serve`, the web page and JSON API; the only Hummingbird importer.
        .target(
            name: "ReferatServe",
            dependencies: [
                "ReferatRecords", "ReferatIndex", "ReferatSearch", "ReferatStore", "ReferatPresentation",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        // The thin executable: the only ArgumentParser importer.
        .executableTarget(
            name: "referat",
            dependencies: [
                "ReferatRecords", "ReferatParsing", "ReferatAnalysis", "ReferatIndexing", "ReferatIndex", "ReferatStore", "ReferatSearch",
                "ReferatImport", "ReferatEngine", "ReferatPresentation", "ReferatServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Shared by the test targets: temporary folders that go away with the test process, a
        // seeded random generator.
        .target(name: "ReferatTestSupport", path: "Tests/ReferatTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "ReferatParsingTests", dependencies: ["ReferatTestSupport", "ReferatParsing", "ReferatRecords"], exclude: ["Golden", "FuzzRegressions"], swiftSettings: strictSettings),
        .testTarget(name: "ReferatAnalysisTests", dependencies: ["ReferatTestSupport", "ReferatAnalysis"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(name: "ReferatIndexingTests", dependencies: ["ReferatTestSupport", "ReferatIndexing", "ReferatParsing", "ReferatAnalysis", "ReferatRecords"], swiftSettings: strictSettings),
        .testTarget(name: "ReferatEngineTests", dependencies: ["ReferatTestSupport", "ReferatEngine", "ReferatIndex"], swiftSettings: strictSettings),
        .testTarget(name: "ReferatIndexTests", dependencies: ["ReferatIndex"], swiftSettings: strictSettings),
        .testTarget(name: "ReferatStoreTests", dependencies: ["ReferatTestSupport", "ReferatStore", "ReferatImport", "ReferatParsing", "ReferatRecords", "ReferatAnalysis", "ReferatIndexing", "ReferatIndex", "ReferatEngine", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strictSettings),
        .testTarget(name: "ReferatSearchTests", dependencies: ["ReferatTestSupport", "ReferatSearch", "ReferatIndex", "ReferatStore", "ReferatImport", "ReferatRecords", "ReferatParsing", "ReferatAnalysis"], exclude: ["Golden"], swiftSettings: strictSettings),
        .testTarget(name: "ReferatCLITests", dependencies: ["ReferatTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ReferatServeTests", dependencies: ["ReferatTestSupport"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
