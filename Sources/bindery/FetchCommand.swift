import ArgumentParser
import BinderyKit
import Foundation

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch RSS, Atom and JSON feeds into an archive folder (one file per entry).",
        discussion: """
            Writes one file per new or changed entry in the archive format the other commands read,
            under DIR/HOST/YYYY-MM-DD_slug_HASH.txt, and remembers in DIR/.bindery-feeds.json what it
            archived, each feed's ETag and Last-Modified, and permanent redirects.
            One request at a time per host, with --host-delay between them; --jobs hosts at once.
            Exit status 1 only when every feed failed.
            """)

    @Argument(help: ArgumentHelp("Feed URLs (http or https).", valueName: "feed-url"))
    var feedURLs: [String] = []

    @Option(name: .customLong("feeds"), help: ArgumentHelp(
        "A file of feeds: OPML (as feed readers export) or one URL a line (repeatable).", valueName: "file"))
    var feedFiles: [String] = []

    @Option(help: ArgumentHelp("The archive folder to write into (created if missing).", valueName: "dir"))
    var into: String

    @Flag(help: "For entries that carry only a summary, fetch the article page and keep its main content.")
    var fullText = false

    @Option(help: ArgumentHelp("Hosts fetched from at once.", valueName: "n"))
    var jobs = 4

    @Option(help: ArgumentHelp("Seconds between two requests to the same host.", valueName: "seconds"))
    var hostDelay = 1.0

    @Option(help: ArgumentHelp("Seconds without data before a request is given up.", valueName: "seconds"))
    var timeout = 30.0

    @Option(help: ArgumentHelp(
        "Longest Retry-After (429/503) waited for; a server asking for more is skipped until then.", valueName: "seconds"))
    var maxRetryWait = 60.0

    @OptionGroup(title: "Reporting") var reporting: ReportingOptions

    func validate() throws {
        guard !feedURLs.isEmpty || !feedFiles.isEmpty else { throw ValidationError("Give at least one feed URL or --feeds FILE.") }
        for text in feedURLs where Self.webURL(text) == nil {
            throw ValidationError("'\(text)' is not an http(s) URL.")
        }
        for path in feedFiles where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("Cannot read --feeds file \(path).")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard hostDelay >= 0, timeout > 0, maxRetryWait >= 0 else {
            throw ValidationError("--host-delay and --max-retry-wait must be 0 or more, --timeout more than 0.")
        }
    }

    private static func webURL(_ text: String) -> URL? {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", !(url.host ?? "").isEmpty else { return nil }
        return url
    }

    func run() throws {
        let run = ExportRun(reporting: reporting)
        var feeds = feedURLs.compactMap(Self.webURL)
        for path in feedFiles {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                FileHandleOutput.standardError.write("error: cannot read \(path): \(error.localizedDescription)\n")
                throw ExitCode(ExitStatus.failed)
            }
            let list = FeedList.read(data)
            for problem in list.problems { run.log.report(.warning(path, problem)) }
            feeds += list.feeds
        }
        var seen = Set<URL>()
        feeds = feeds.filter { seen.insert($0).inserted }
        guard !feeds.isEmpty else {
            FileHandleOutput.standardError.write("error: no feeds to fetch\n")
            throw ExitCode(ExitStatus.failed)
        }

        var options = FeedFetchOptions()
        options.fullText = fullText
        options.jobs = jobs
        options.hostDelay = hostDelay
        options.timeout = timeout
        options.maxRetryWait = maxRetryWait
        let reports: [FeedReport]
        do {
            let fetcher = try FeedFetcher(archive: URL(fileURLWithPath: into), options: options, log: run.log)
            let console = run.console
            reports = try fetcher.run(feeds, progress: { done, total in console.progress("Fetching", done, total, unit: "feeds") })
        } catch {
            run.console.finishProgress()
            FileHandleOutput.standardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.failed)
        }
        run.console.finishProgress()
        for report in reports {
            if case .failed(let reason) = report.status { run.log.report(.warning(report.feed, reason)) }
            run.console.summary(report.summaryLine)
        }
        let failed = reports.filter(\.failed).count
        var line = "\(counted(reports.count, "feed")): \(reports.reduce(0) { $0 + $1.new }) new, "
            + "\(reports.reduce(0) { $0 + $1.updated }) updated, \(reports.reduce(0) { $0 + $1.unchanged }) unchanged"
        if failed > 0 { line += ", \(failed) failed" }
        run.console.summary(line + " → \(into)")
        if failed == reports.count {
            FileHandleOutput.standardError.write("error: every feed failed\n")
            throw ExitCode(ExitStatus.failed)
        }
        try run.finish()
    }
}
