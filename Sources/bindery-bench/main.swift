import Foundation

let usage = """
    usage: bindery-bench run [--articles 1000,10000] [--work DIR] [--bindery PATH] [--seed S]
                             [--repeat R] [--bindery-arg ARG]... [--compare PATH] [--json]
           bindery-bench images [--images 500] [--work DIR] [--bindery PATH] [--repeat R] [--json]
           bindery-bench pictures [--photos 500] [--work DIR] [--bindery PATH] [--repeat R] [--json]
           bindery-bench fetch [--feeds 200] [--entries 20] [--hosts 4] [--work DIR] [--bindery PATH] [--repeat R] [--json]
           bindery-bench serve [--clients 50] [--megabytes 20] [--work DIR] [--bindery PATH] [--json]
           bindery-bench levels [--articles 10000] [--work DIR] [--bindery PATH] [--seed S] [--repeat R] [--json]
           bindery-bench generate --articles N --output DIR [--seed S] [--days D] [--sources N]
           bindery-bench floor|floor-zipwriter DIR OUT
           bindery-bench stage scan|digest|clean|serialize|markdown DIR

    run       generates the archives (cached in the work folder, default
              .build/bench), then measures in child processes the floor
              (read + zlib deflate-6, one core; and through BinderyKit's
              ZipWriter, at Bindery's deflate level), the library stages and the
              `bindery epub|markdown|text` exports (and with --compare, the
              same exports by another bindery binary, side by side); prints
              a table and the goals.
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
    fetch     serves N synthetic feeds (RSS 2.0, Atom, JSON Feed in turn, 20
              entries of ~2 KB each) from HTTP servers on --hosts loopback
              addresses (127.0.0.1, .2, …) inside the bench, and measures
              `bindery fetch --host-delay 0` into an empty folder (every
              entry written) and again (every feed answers 304): feeds/s.
    serve     starts `bindery serve` on 127.0.0.1 with a library of one
              large book and downloads it with 1, then N, connections at
              once (each compared byte for byte); reports throughput and
              the server's peak RSS, which must not grow with N.
    levels    binds the archive of N articles once with `bindery epub`,
              then deflates every entry the book deflates again at each of
              libdeflate's levels (1-12) on one thread: CPU seconds, the
              text's compressed size and the book's size at each level.
    generate  writes a deterministic synthetic archive of N articles
              (FORMAT.md, with its variants) over 42 days (--days D, from
              Monday 2024-01-08: 7 is one ISO week), plus images/; 60 %
              simplified Chinese, 10 % traditional, 30 % English, from 8
              hosts or, with --sources N, from N (up to 12) in turn.
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
        try reject(besides: ["articles", "work", "bindery", "seed", "repeat", "bindery-arg", "compare", "json"])
        let sizes = try (parsed.value("articles") ?? "1000,10000").split(separator: ",").map { text -> Int in
            guard let size = Int(text), size > 0 else { throw BenchError.usage("--articles wants sizes like 1000,10000") }
            return size
        }
        let bindery = try binderyBinary(parsed)
        let benchmark = Benchmark(
            sizes: sizes, seed: seed,
            work: URL(fileURLWithPath: parsed.value("work") ?? ".build/bench").standardizedFileURL,
            bindery: bindery, repeats: try parsed.int("repeat", default: 1),
            binderyArguments: parsed.values("bindery-arg"),
            comparison: try parsed.value("compare").map { try binderyBinary(path: $0) })
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
    case "fetch":
        try reject(besides: ["feeds", "entries", "hosts", "work", "bindery", "repeat", "json"])
        let feeds = try parsed.int("feeds", default: 200), entries = try parsed.int("entries", default: 20)
        let hosts = try parsed.int("hosts", default: 4)
        guard feeds > 0, entries > 0, (1...200).contains(hosts) else {
            throw BenchError.usage("--feeds and --entries want counts above 0, --hosts 1…200")
        }
        let benchmark = FeedBenchmark(
            feedCount: feeds, entriesPerFeed: entries, hosts: hosts,
            work: URL(fileURLWithPath: parsed.value("work") ?? ".build/bench").standardizedFileURL,
            bindery: try binderyBinary(parsed), repeats: try parsed.int("repeat", default: 1))
        let report = try benchmark.run()
        print(parsed.flag("json") ? try report.json() : report.table())
    case "serve":
        try reject(besides: ["clients", "megabytes", "work", "bindery", "json"])
        let clients = try parsed.int("clients", default: 50), megabytes = try parsed.int("megabytes", default: 20)
        guard clients > 0, megabytes > 0 else { throw BenchError.usage("--clients and --megabytes want counts above 0") }
        let benchmark = ServeBenchmark(
            clients: clients, megabytes: megabytes,
            work: URL(fileURLWithPath: parsed.value("work") ?? ".build/bench").standardizedFileURL, bindery: try binderyBinary(parsed))
        let report = try benchmark.run()
        print(parsed.flag("json") ? try report.json() : report.table())
    case "levels":
        try reject(besides: ["articles", "work", "bindery", "seed", "repeat", "json"])
        let articles = try parsed.int("articles", default: 10_000)
        guard articles > 0 else { throw BenchError.usage("--articles wants a count above 0") }
        let benchmark = LevelBenchmark(
            articles: articles, seed: seed, work: URL(fileURLWithPath: parsed.value("work") ?? ".build/bench").standardizedFileURL,
            bindery: try binderyBinary(parsed), repeats: try parsed.int("repeat", default: 1))
        let report = try benchmark.run()
        print(parsed.flag("json") ? try report.json() : report.table())
    case "generate":
        try reject(besides: ["articles", "output", "seed", "days", "sources"])
        guard let output = parsed.value("output"), let count = parsed.value("articles").flatMap(Int.init), count >= 0 else {
            throw BenchError.usage(usage)
        }
        var generator = ArchiveGenerator(articleCount: count, seed: seed)
        generator.days = try parsed.int("days", default: generator.days)
        guard generator.days > 0 else { throw BenchError.usage("--days wants a count above 0") }
        if parsed.value("sources") != nil {
            let sources = try parsed.int("sources", default: 0)
            guard (1...ArticleText.sourcePool.count).contains(sources) else {
                throw BenchError.usage("--sources wants 1…\(ArticleText.sourcePool.count)")
            }
            generator.sources = sources
        }
        let summary = try generator.write(to: URL(fileURLWithPath: output))
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
    try binderyBinary(path: parsed.value("bindery") ?? ".build/release/bindery")
}

func binderyBinary(path: String) throws -> URL {
    let bindery = URL(fileURLWithPath: path).standardizedFileURL
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
