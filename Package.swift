// swift-tools-version:5.9
import PackageDescription

/// Release builds on Linux link the Swift runtime and Foundation into the
/// executables (what `swift build --static-swift-stdlib` does): an EPUB of
/// 10,000 articles takes 11 % less time, byte-identical, for 2 % fewer
/// instructions — most likely because calls into them, every retain and
/// release among them, no longer go through the dynamic linker's tables.
/// The binary needs no Swift library at run time (README "Speed").
let staticSwiftRuntime = SwiftSetting.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
let staticSwiftRuntimeLink = LinkerSetting.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))

let package = Package(
    name: "Bindery",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "BinderyKit", targets: ["BinderyKit"]),
        .executable(name: "bindery", targets: ["bindery"]),
        .executable(name: "bindery-bench", targets: ["bindery-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // HTTP server for `bindery serve` (light: no SwiftNIO; see README "Architecture").
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // libxml2: HTML parsing. Only BinderyKit/Markup imports it.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libzip: the EPUB container. Only BinderyKit/Zip imports it.
        .systemLibrary(
            name: "CLibZip",
            path: "Sources/CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        // libdeflate: deflate for the container's entries, 2–3× faster than
        // zlib at the same level. Only BinderyKit/Zip imports it.
        .systemLibrary(
            name: "CLibDeflate",
            path: "Sources/CLibDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        // libcurl: SMTP for `bindery send`. Only BinderyKit/Delivery imports it.
        .systemLibrary(
            name: "CLibCurl",
            path: "Sources/CLibCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // libvips (with fontconfig): pictures and the cover. Only BinderyKit/Assets imports it.
        .systemLibrary(
            name: "CLibVips",
            path: "Sources/CLibVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(
            name: "BinderyKit",
            dependencies: ["CLibXML2", "CLibZip", "CLibDeflate", "CLibCurl", "CLibVips",
                           .product(name: "FlyingFox", package: "FlyingFox")],
            // The built-in site rules' JSON is compiled in (SiteRules/BuiltIn/embed.sh), not a resource.
            exclude: ["SiteRules/BuiltIn"]
        ),
        .executableTarget(
            name: "bindery",
            dependencies: [
                "BinderyKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [staticSwiftRuntime],
            linkerSettings: [staticSwiftRuntimeLink]
        ),
        .executableTarget(
            name: "bindery-bench",
            dependencies: ["BinderyKit"],
            swiftSettings: [staticSwiftRuntime],
            linkerSettings: [staticSwiftRuntimeLink]
        ),
        // A loopback HTTP server for the tests that fetch (pictures, feeds).
        .target(
            name: "HTTPTestServer",
            path: "Tests/HTTPTestServer"
        ),
        .testTarget(
            name: "BinderyKitTests",
            dependencies: ["BinderyKit", "HTTPTestServer"],
            exclude: ["Export/Golden"]
        ),
        .testTarget(
            name: "binderyTests",
            dependencies: ["bindery", "HTTPTestServer"]
        ),
        .testTarget(
            name: "binderyBenchTests",
            dependencies: ["bindery-bench"]
        ),
        // The fuzz oracle (Oracle/, which the libFuzzer target in Fuzz/ shares)
        // and the replay of what fuzzing found.
        .testTarget(
            name: "BinderyFuzzTests",
            dependencies: ["BinderyKit"]
        ),
    ]
)
