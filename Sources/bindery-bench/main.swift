import Foundation

let usage = """
    usage: bindery-bench run [--articles 1000,10000] [--work DIR] [--bindery PATH] [--seed S]
                             [--repeat R] [--bindery-arg ARG]... [--json]
           bindery-bench images [--images 500] [--work DIR] [--bindery PATH] [--repeat R] [--json]
           bindery-bench pictures [--photos 500] [--work DIR] [--bindery PATH] [--repeat R] [--json]
           bindery-bench generate --articles N --output DIR [--seed S]
           bindery-bench floor|floor-zipwriter DIR OUT
           bindery-bench stage scan|digest|clean|serialize|markdown DIR

    run       generates the archives (cached in the work folder, default
              .build/bench), then measures in child processes the floor
              (read + zlib deflate-6, one core; and the same through
              BinderyKit's ZipWriter), the library stages and the
              `bindery epub|markdown|text` exports; prints a table and the goals.
    images    serves N distinct JPEG/PNG pictures (20-200 KB) from an HTTP
              server on 127.0.0.1 inside the bench, writes an archive of
              N/5 articles linking them, and measures `bindery epub` with an
              empty cache (images/s at the default --image-jobs, peak RSS)
              and again --offline with the filled cache (expects 0 requests).
    pictures  makes N photos 3000×2000 (half JPEG, half WebP; once, with
              ImageMagick and the vips tool) and measures `bindery epub
              --device kindle` on them, cold and warm cache, against
              ImageMagick's convert on the same files; the same book with
              every photo a JPEG copied raw (--device original) against
              processed; and the book's size for every device preset.
    generate  writes a deterministic synthetic archive of N articles
              (FORMAT.md, with its variants) over 42 days, plus images/.
    floor, stage
              the measured children of `run`.
    """

func main() throws {
    let arguments = CommandLine.arguments
    guard arguments.count >= 2 else { throw BenchError.usage(usage) }
    let parsed = try Arguments(arguments.dropFirst(2), flags: ["json"])
    func reject(besides known: Set<String>) throws {
        let unknown = parsed.unknown(besides: known)
        if !unknown.isEmpty { throw BenchError.usage("unknown option --\(unknown[0])\n\n\(usage)") }
    }
    let seed = UInt64(try parsed.int("seed", default: 1))

    switch arguments[1] {
    case "run":
        try reject(besides: ["articles", "work", "bindery", "seed", "repeat", "bindery-arg", "json"])
        let sizes = try (parsed.value("articles") ?? "1000,10000").split(separator: ",").map { text -> Int in
            guard let size = Int(text), size > 0 else { throw BenchError.usage("--articles wants sizes like 1000,10000") }
            return size
        }
        let bindery = try binderyBinary(parsed)
        let benchmark = Benchmark(
            sizes: sizes, seed: seed,
            work: URL(fileURLWithPath: parsed.value("work") ?? ".build/bench").standardizedFileURL,
            bindery: bindery, repeats: try parsed.int("repeat", default: 1),
            binderyArguments: parsed.values("bindery-arg"))
        let report = try benchmark.run()
        print(parsed.flag("json") ? try report.json() : report.table())
    case "images":
        try reject(besides: ["images", "work", "bindery", "repeat", "json"])
        let count = try parsed.int("images", default: 500)
        guard count > 0 else { throw BenchError.usage("--images wants a count above 0") }
        let benchmark = ImageBenchmark(
            imageCount: count, work: URL(fileURLWithPath: parsed.value("work") ?? ".build/bench").standardizedFileURL,
            bindery: try binderyBinary(parsed), repeats: try parsed.int("repeat", default: 1))
        let report = try benchmark.run()
        print(parsed.flag("json") ? try report.json() : report.table())
    case "pictures":
        try reject(besides: ["photos", "work", "bindery", "repeat", "json"])
        let count = try parsed.int("photos", default: 500)
        guard count >= 10 else { throw BenchError.usage("--photos wants a count of at least 10") }
        let benchmark = PictureBenchmark(
            count: count, work: URL(fileURLWithPath: parsed.value("work") ?? ".build/bench").standardizedFileURL,
            bindery: try binderyBinary(parsed), repeats: try parsed.int("repeat", default: 1))
        let report = try benchmark.run()
        print(parsed.flag("json") ? try report.json() : report.table())
    case "generate":
        try reject(besides: ["articles", "output", "seed"])
        guard let output = parsed.value("output"), let count = parsed.value("articles").flatMap(Int.init), count >= 0 else {
            throw BenchError.usage(usage)
        }
        let summary = try ArchiveGenerator(articleCount: count, seed: seed).write(to: URL(fileURLWithPath: output))
        print("bench-result files=\(summary.files) bytes=\(summary.bytes)")
    case "floor", "floor-zipwriter":
        try reject(besides: [])
        guard parsed.positional.count == 2 else { throw BenchError.usage(usage) }
        let (input, output) = (URL(fileURLWithPath: parsed.positional[0]), URL(fileURLWithPath: parsed.positional[1]))
        if arguments[1] == "floor-zipwriter" {
            try Stages.floor(input, output: output)
        } else {
            guard let zlib = ZlibFloor() else { throw BenchError.failed("cannot load libz.so.1") }
            try zlib.run(input, output: output)
        }
    case "stage":
        try reject(besides: [])
        guard parsed.positional.count == 2 else { throw BenchError.usage(usage) }
        try Stages.run(parsed.positional[0], URL(fileURLWithPath: parsed.positional[1]).standardizedFileURL)
    case "help", "--help", "-h":
        print(usage)
    default:
        throw BenchError.usage(usage)
    }
}

/// `--bindery PATH`, by default the release build.
func binderyBinary(_ parsed: Arguments) throws -> URL {
    let bindery = URL(fileURLWithPath: parsed.value("bindery") ?? ".build/release/bindery").standardizedFileURL
    guard FileManager.default.isExecutableFile(atPath: bindery.path) else {
        throw BenchError.usage("no bindery binary at \(bindery.path): run `swift build -c release` or pass --bindery PATH")
    }
    return bindery
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("bindery-bench: \(error)\n".utf8))
    exit(error is BenchError ? 2 : 1)
}
