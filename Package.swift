// swift-tools-version:5.9
import PackageDescription

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
        // libvips (with fontconfig): pictures and the cover. Only BinderyKit/Assets imports it.
        .systemLibrary(
            name: "CLibVips",
            path: "Sources/CLibVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(
            name: "BinderyKit",
            dependencies: ["CLibXML2", "CLibZip", "CLibVips"]
        ),
        .executableTarget(
            name: "bindery",
            dependencies: [
                "BinderyKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "bindery-bench",
            dependencies: ["BinderyKit"]
        ),
        .testTarget(
            name: "BinderyKitTests",
            dependencies: ["BinderyKit"],
            exclude: ["Export/Golden"]
        ),
        .testTarget(
            name: "binderyTests",
            dependencies: ["bindery"]
        ),
        .testTarget(
            name: "binderyBenchTests",
            dependencies: ["bindery-bench"]
        ),
    ]
)
