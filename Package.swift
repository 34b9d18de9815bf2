// swift-tools-version:6.0
// Pressroom: data in, documents out. The module map is in ../shared/ARCHITECTURE.md;
// this package follows it, with PressroomGraphics (geometry, colour, paths, the page display list)
// between the text engine and the PDF writer.
import PackageDescription

let package = Package(
    name: "Pressroom",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pressroom", targets: ["pressroom"]),
        .library(name: "PressroomText", targets: ["PressroomText"]),
        .library(name: "PressroomGraphics", targets: ["PressroomGraphics"]),
        .library(name: "PressroomImages", targets: ["PressroomImages"]),
        .library(name: "PressroomMarkup", targets: ["PressroomMarkup"]),
        .library(name: "PressroomPDF", targets: ["PressroomPDF"]),
        .library(name: "PressroomLayout", targets: ["PressroomLayout"]),
        .library(name: "PressroomSVG", targets: ["PressroomSVG"]),
        .library(name: "PressroomPreview", targets: ["PressroomPreview"]),
        .library(name: "PressroomBarcode", targets: ["PressroomBarcode"]),
        .library(name: "PressroomProduction", targets: ["PressroomProduction"]),
        .library(name: "PressroomDelivery", targets: ["PressroomDelivery"]),
        .library(name: "PressroomServer", targets: ["PressroomServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "4.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"])]),
        .systemLibrary(name: "CZint", providers: [.apt(["libzint-dev"])]),
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        // Thin C shims: ICU renames every symbol with its version (ubrk_open_72), and libpng reports
        // errors by longjmp; neither can be called from Swift directly.
        .target(name: "CICUShim", linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        // The C library's stub resolver (res_nquery), for address checks: MX and address records.
        .target(name: "CResolv", linkerSettings: [.linkedLibrary("resolv")]),
        .target(name: "CPNGShim", cSettings: [.unsafeFlags(["-I/usr/include/libpng16"])],
                linkerSettings: [.linkedLibrary("png16")]),

        .target(name: "PressroomText", dependencies: ["CHarfBuzz", "CFreeType", "CICUShim", "CHyphen"]),
        .target(name: "PressroomGraphics", dependencies: ["PressroomText"]),
        // PNG and JPEG files decoded into samples: layout checks and sizes images with it, the PDF
        // writer encodes what it decoded.
        .target(name: "PressroomImages", dependencies: ["CZlib", "CPNGShim"]),
        // XML text as XMP, SVG, the e-invoice (and later HTML email) write it: one escaper.
        .target(name: "PressroomMarkup"),
        .target(name: "PressroomPDF", dependencies: ["PressroomGraphics", "PressroomText", "PressroomImages", "PressroomMarkup",
                                                     "CHarfBuzz", "CZlib", "CLibDeflate", "CQPDF"]),
        // Barcodes from libzint as vector paths, and the payment-code payloads (EPC QR, SPAYD).
        .target(name: "PressroomBarcode", dependencies: ["PressroomGraphics", "CZint"]),
        .target(name: "PressroomLayout", dependencies: [
            "PressroomText", "PressroomGraphics", "PressroomImages", "PressroomBarcode", "CICUShim",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Output variants (plain; digital: PDF/A-3b, tagging, e-invoice XML; print: PDF/X-4, sheets
        // and marks), batches, imposition and postal batches (pieces, inserter marks, manifests).
        .target(name: "PressroomProduction", dependencies: [
            "PressroomLayout", "PressroomPDF", "PressroomGraphics", "PressroomText", "PressroomBarcode", "PressroomMarkup",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Delivery: email (templates, MIME, DKIM, SMTP over SwiftNIO, an outbox folder), routing,
        // the delivery ledger and signed status webhooks (AsyncHTTPClient). It moves bytes; it never draws.
        .target(name: "PressroomDelivery", dependencies: [
            "PressroomLayout", "PressroomMarkup", "CICUShim", "CResolv",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], resources: [.copy("Resources/disposable-domains.txt")]),
        // Display lists as SVG (glyph outlines from FreeType), for the browser preview.
        .target(name: "PressroomSVG", dependencies: ["PressroomGraphics", "PressroomText", "PressroomMarkup"]),
        // `pressroom watch`: dependency watching, preview renders and the preview's HTTP server.
        .target(name: "PressroomPreview", dependencies: [
            "PressroomLayout", "PressroomSVG", "PressroomProduction", "PressroomGraphics", "PressroomText",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The service: the HTTP API (on-line renders, batch jobs, layouts per tenant, print-shop
        // pulls), API keys with roles and tenants, the durable job store (SQLite through GRDB, or
        // PostgreSQL through postgres-nio) and the workers that drain it, metrics. It calls the
        // batch pieces of Production and Delivery; it never draws.
        .target(name: "PressroomServer", dependencies: [
            "PressroomLayout", "PressroomProduction", "PressroomDelivery", "PressroomText", "PressroomGraphics", "PressroomImages",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
        ], resources: [.copy("Resources/openapi.yaml")],
        // Server stubs for the JSON operations, generated from the checked-in OpenAPI document.
        plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]),
        .target(name: "PressroomSpecimen", dependencies: ["PressroomText", "PressroomGraphics", "PressroomPDF"]),
        .executableTarget(name: "pressroom", dependencies: [
            "PressroomText", "PressroomGraphics", "PressroomPDF", "PressroomSpecimen", "PressroomLayout",
            "PressroomSVG", "PressroomPreview", "PressroomProduction", "PressroomDelivery", "PressroomServer", "CMimalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "PressroomBenchmarks", dependencies: ["PressroomText", "PressroomGraphics", "PressroomPDF", "PressroomLayout", "PressroomSVG"],
                          path: "Benchmarks/PressroomBenchmarks"),

        // The tests' scratch folder, one per test process, removed when it exits.
        .target(name: "TestScratch", path: "Tests/Support/TestScratch"),
        .testTarget(name: "PressroomTextTests", dependencies: ["PressroomText", "TestScratch", "CFreeType"]),
        .testTarget(name: "PressroomLayoutTests", dependencies: [
            "PressroomLayout", "PressroomText", "PressroomGraphics", "TestScratch",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "PressroomImagesTests", dependencies: ["PressroomImages"]),
        .testTarget(name: "PressroomPDFTests", dependencies: ["PressroomPDF", "PressroomGraphics", "PressroomText", "PressroomImages",
                                                            "CFreeType"]),
        .testTarget(name: "PressroomSVGTests", dependencies: ["PressroomSVG", "PressroomGraphics", "PressroomText", "CHarfBuzz"]),
        .testTarget(name: "PressroomBarcodeTests", dependencies: ["PressroomBarcode", "PressroomGraphics"]),
        .testTarget(name: "PressroomProductionTests", dependencies: ["PressroomProduction", "PressroomLayout", "PressroomPDF", "PressroomText",
                                                                   "TestScratch"]),
        .testTarget(name: "PressroomDeliveryTests", dependencies: ["PressroomDelivery", "PressroomLayout"]),
        .testTarget(name: "PressroomPreviewTests", dependencies: ["PressroomPreview", "PressroomLayout", "PressroomProduction", "TestScratch"]),
        // Fuzz targets: libFuzzer entry points when built by Fuzz/fuzz.sh (-DFUZZING, with the
        // fuzzer and address sanitizers); otherwise programs that replay saved inputs.
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "fuzz-records", dependencies: ["FuzzSupport", "PressroomLayout"], path: "Fuzz/fuzz-records"),
        .executableTarget(name: "fuzz-layout", dependencies: ["FuzzSupport", "PressroomLayout"], path: "Fuzz/fuzz-layout"),
        .executableTarget(name: "fuzz-expressions", dependencies: ["FuzzSupport", "PressroomLayout"], path: "Fuzz/fuzz-expressions"),
        .executableTarget(name: "fuzz-images", dependencies: ["FuzzSupport", "PressroomImages"], path: "Fuzz/fuzz-images"),
        .executableTarget(name: "fuzz-fonts", dependencies: ["FuzzSupport", "PressroomText", "PressroomPDF"], path: "Fuzz/fuzz-fonts"),
        .executableTarget(name: "fuzz-text", dependencies: ["FuzzSupport", "PressroomText"], path: "Fuzz/fuzz-text"),
        .testTarget(name: "EndToEndTests", dependencies: ["PressroomPDF", "PressroomGraphics", "PressroomText", "PressroomSpecimen", "PressroomLayout",
                                                          "PressroomSVG", "PressroomProduction", "PressroomImages", "PressroomDelivery", "PressroomServer",
                                                          "TestScratch"]),
    ],
    swiftLanguageModes: [.v6]
)
