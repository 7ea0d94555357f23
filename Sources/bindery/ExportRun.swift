import ArgumentParser
import BinderyKit
import Foundation

/// The steps every command shares: read the inputs, build the digest, report
/// problems as they come, and decide the exit status at the end.
final class ExportRun {
    let console: Console
    let log: DiagnosticLog
    let strict: Bool
    /// Article files the scan found (for the export report).
    private(set) var filesRead = 0

    init(reporting: ReportingOptions) {
        let console = Console(quiet: reporting.quiet, verbose: reporting.verbose)
        self.console = console
        log = DiagnosticLog(onReport: { console.report($0) })
        strict = reporting.strict
    }

    /// Scans the inputs, applies the site rules' title and byline rules and
    /// selects; exits 1 when nothing is left to export,
    /// saying what was looked for and what was found.
    func digest(_ inputs: InputOptions, _ selection: SelectionOptionGroup, rules: SiteRules) throws -> Digest {
        let scan = ArchiveReader().scan(inputs.urls)
        log.report(contentsOf: scan.diagnostics)
        filesRead = scan.articles.count + scan.diagnostics.filter { $0.kind == .fileSkipped }.count
        let options = try selection.selection()
        let digest = DigestBuilder(options: options).build(rules.annotate(scan.articles))
        guard digest.articleCount > 0 else {
            console.reportCauses()
            let inputs = inputs.inputs.joined(separator: ", ")
            if scan.articles.isEmpty {
                let skipped = filesRead > 0 ? " (\(counted(filesRead, "file")) found, none an article: see the warnings above)" : ""
                console.error("nothing to export: no articles in \(inputs)\(skipped). Bindery reads .txt and .md files "
                              + "(folders recursively) that start with an `[Title](URL)` link; see `bindery help`.")
            } else {
                let dated = scan.articles.compactMap(\.instant)
                var span = ""
                if let first = dated.min(), let last = dated.max() {
                    let zone = options.timeZone
                    span = "; the articles run from \(W3CDateTime.day(first, timeZone: zone)) to \(W3CDateTime.day(last, timeZone: zone)) "
                        + "in \(zone.identifier)"
                }
                console.error("nothing to export: none of the \(counted(scan.articles.count, "article")) in \(inputs) "
                              + "falls in the selected days\(span). Widen --since/--until/--week or check --time-zone.")
            }
            throw ExitCode(ExitStatus.failed)
        }
        return digest
    }

    /// Runs an export's writing step; an output that cannot be written ends
    /// the run with a one-line error and exit status 1.
    func writing<Result>(_ write: () throws -> Result) throws -> Result {
        do {
            return try write()
        } catch {
            console.finishProgress()
            console.reportCauses()
            console.error("\(error)")
            throw ExitCode(ExitStatus.failed)
        }
    }

    func progress(_ label: String) -> (Int, Int) -> Void {
        { [console] done, total in console.progress(label, done, total) }
    }

    /// Ends the run: the repeated problems once per cause, the export
    /// report when asked for, the summary line; then `--strict` has its say.
    func finish(summary: String? = nil, report: (path: String, output: ExportReport.Output, picturesBundled: Int, digest: Digest)? = nil) throws {
        try conclude(summary: summary, report: report)
        try enforceStrictness()
    }

    /// `finish` without the strictness check, for a command with more to do
    /// (e-mailing the book) before it.
    func conclude(summary: String? = nil, report: (path: String, output: ExportReport.Output, picturesBundled: Int, digest: Digest)? = nil) throws {
        console.finishProgress()
        console.reportCauses()
        if let report {
            let document = ExportReport(output: report.output, filesRead: filesRead, duplicates: report.digest.duplicates,
                                        picturesBundled: report.picturesBundled, diagnostics: log.all)
            do {
                try document.write(to: URL(fileURLWithPath: report.path))
            } catch {
                console.error("cannot write the report: \(error)")
                throw ExitCode(ExitStatus.failed)
            }
        }
        if let summary { console.summary(summary) }
    }

    /// With `--strict`, any warning fails the run (after the output was
    /// written, so the user can still look at it).
    func enforceStrictness() throws {
        if strict && log.count > 0 {
            console.error("--strict: \(counted(log.count, "warning"))")
            throw ExitCode(ExitStatus.failed)
        }
    }
}

extension Digest {
    var chapterCountText: String { counted(chapters.count, "chapter") }
    var articleCountText: String { counted(articleCount, "article") }
}

/// `1 note`, `2 notes`: a count with its noun, for summary lines.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count.formatted) \(noun)\(count == 1 ? "" : "s")"
}

func fileSize(_ url: URL) -> Int64 {
    fileSize(atPath: url.path)
}

/// The size of the file at `path`, 0 when there is none.
func fileSize(atPath path: String) -> Int64 {
    var info = stat()
    return stat(path, &info) == 0 ? Int64(info.st_size) : 0
}
