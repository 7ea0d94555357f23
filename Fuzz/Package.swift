// swift-tools-version:5.9
// The fuzz target, a package of its own so that the main package's build and
// tests never see libFuzzer. Built and run by `.ci/fuzz` (see README "Fuzzing
// and sanitizers"). Oracle/ links to Tests/BinderyFuzzTests/Oracle: the main
// package's BinderyFuzzTests run the same oracle over what fuzzing found.
import PackageDescription

let package = Package(
    name: "BinderyFuzz",
    dependencies: [
        .package(name: "Bindery", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "bindery-fuzz",
            dependencies: [.product(name: "BinderyKit", package: "Bindery")],
            path: ".",
            exclude: ["html.dict", "Regressions"],
            sources: ["Oracle", "Harness"]
        ),
    ]
)
