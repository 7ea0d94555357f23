import BinderyKit
import Foundation

/// The work a measured child does: the floor (read + deflate) or one
/// pipeline stage through BinderyKit's entry points. Each prints one line
/// `bench-result key=value …` that the parent reads from the child's log.
enum Stages {
    static let names = ["scan", "digest", "clean", "serialize", "markdown"]

    /// The floor through the project's own ZipWriter (libdeflate, its level):
    /// read every file under `folder` and deflate it into a zip. Shown beside
    /// the zlib floor (`ZlibFloor`) so the container's own cost is visible;
    /// the ZipWriter may compress on a background thread (compare CPU to wall).
    static func floor(_ folder: URL, output: URL) throws {
        let files = allFiles(under: folder)
        let zip = try ZipWriter(url: output)
        var bytes = 0
        for (relative, url) in files {
            let data = try Data(contentsOf: url)
            bytes += data.count
            try zip.add(path: relative, data: data, method: .deflate)
        }
        try zip.close()
        let written = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        print("bench-result files=\(files.count) bytes=\(bytes) zip-bytes=\(written)")
    }

    static func run(_ stage: String, _ folder: URL) throws {
        let reader = ArchiveReader()
        var clock = ChildProcess.monotonicSeconds()
        let scan = reader.scan([folder])
        var phase = ChildProcess.monotonicSeconds() - clock
        var result = "articles=\(scan.articles.count) scan-diagnostics=\(scan.diagnostics.count)"
        report(scan.diagnostics)

        switch stage {
        case "scan":
            break
        case "digest":
            clock = ChildProcess.monotonicSeconds()
            var options = SelectionOptions(timeZone: TimeZone(identifier: "UTC") ?? .current)
            options.grouping = .day
            let digest = DigestBuilder(options: options).build(scan.articles)
            phase = ChildProcess.monotonicSeconds() - clock
            result += " chapters=\(digest.chapters.count) digest-articles=\(digest.articleCount)"
        case "clean", "serialize", "markdown":
            var cleanSeconds = 0.0, serializeSeconds = 0.0
            let markdown = MarkdownRenderer()
            let xhtml = ContentXHTML()
            var diagnosticCount = 0, loadFailures = 0, nodes = 0, outputBytes = 0
            for article in scan.articles {
                // Load and clean one body at a time: nothing accumulates, as in the real pipeline.
                clock = ChildProcess.monotonicSeconds()
                guard let body = try? reader.readBody(of: article) else {
                    loadFailures += 1
                    continue
                }
                let (cleaned, diagnostics) = ArticleCleaner().clean(article, body: body)
                cleanSeconds += ChildProcess.monotonicSeconds() - clock
                diagnosticCount += diagnostics.count
                nodes += cleaned.body.count
                if stage != "clean" {
                    clock = ChildProcess.monotonicSeconds()
                    let text = stage == "serialize" ? xhtml.string(cleaned.body) : markdown.render(cleaned.body)
                    outputBytes += text.utf8.count
                    serializeSeconds += ChildProcess.monotonicSeconds() - clock
                }
            }
            phase = stage == "clean" ? cleanSeconds : serializeSeconds
            result += " load-failures=\(loadFailures) clean-diagnostics=\(diagnosticCount) top-nodes=\(nodes) \(stage == "markdown" ? "markdown" : "xhtml")-bytes=\(outputBytes)"
        default:
            throw BenchError.usage("unknown stage '\(stage)'; stages: \(names.joined(separator: ", "))")
        }
        print("bench-result phase-seconds=\(phase) \(result)")
    }

    /// A few diagnostics on stderr (the log), so a reader warning on the
    /// generated archive is visible.
    private static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.prefix(5) {
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
        }
    }

    /// Every regular file under `folder`, as (relative path, URL), sorted by path.
    static func allFiles(under folder: URL) -> [(String, URL)] {
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: []) else { return [] }
        var files: [(String, URL)] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : url.lastPathComponent
            files.append((relative, url))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
