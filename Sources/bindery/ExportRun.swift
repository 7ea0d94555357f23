import ArgumentParser
import BinderyKit
import Foundation

/// The steps every command shares: read the inputs, build the digest, report
/// problems as they come, and decide the exit status at the end.
struct ExportRun {
    let console: Console
    let log: DiagnosticLog
    let strict: Bool

    init(reporting: ReportingOptions) {
        let console = Console(quiet: reporting.quiet)
        self.console = console
        log = DiagnosticLog(onReport: { console.report($0) })
        strict = reporting.strict
    }

    /// Scans the inputs, applies the site rules' title and byline rules and
    /// selects; exits 1 when nothing is left to export.
    func digest(_ inputs: InputOptions, _ selection: SelectionOptionGroup, rules: SiteRules) throws -> Digest {
        let scan = ArchiveReader().scan(inputs.urls)
        log.report(contentsOf: scan.diagnostics)
        let digest = DigestBuilder(options: try selection.selection()).build(rules.annotate(scan.articles))
        guard digest.articleCount > 0 else {
            let why = scan.articles.isEmpty ? "no articles found in the input" : "no article matches the selection"
            FileHandleOutput.standardError.write("error: nothing to export: \(why)\n")
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
            FileHandleOutput.standardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.failed)
        }
    }

    func progress(_ label: String) -> (Int, Int) -> Void {
        { done, total in console.progress(label, done, total) }
    }

    /// With `--strict`, any warning fails the run (after the output was written,
    /// so the user can still look at it).
    func finish() throws {
        console.finishProgress()
        if strict && log.count > 0 {
            FileHandleOutput.standardError.write("error: --strict: \(log.count) warning(s)\n")
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
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

func fileSize(_ url: URL) -> Int64 {
    (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
}
