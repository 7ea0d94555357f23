import ArgumentParser
import BinderyKit
import Foundation

struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Export the selected articles as Markdown notes (a notes-app vault).",
        discussion: """
            By default one note per article with YAML front matter, pictures in attachments/.
            Re-exporting rewrites the same files and never deletes other notes in the folder.

            Exit status: 0 written (warnings allowed); 1 nothing to export, a note or the report could not be \
            written, or --strict with warnings; 2 usage error.
            """)

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .long], help: ArgumentHelp(
        "The vault folder to write notes into (created if missing); with --single-file the note file, or - for stdout.",
        valueName: "dir"))
    var output: String

    @Flag(help: "Write one digest note (# title, ## day, ### article) instead of one note per article.")
    var singleFile = false

    @Option(help: ArgumentHelp("Pictures as local attachments, remote links to the original, or none.",
                               valueName: "attachments|remote|none"))
    var images: MarkdownImageArgument = .attachments

    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag for the front matter (repeatable; 'news' is always there).", valueName: "tag"))
    var tags: [String] = []

    @OptionGroup(title: "Selection") var selection: SelectionOptionGroup
    @OptionGroup(title: "Book") var book: BookOptionGroup
    @OptionGroup(title: "Image fetching") var fetching: ImageFetchOptionGroup
    @OptionGroup(title: "Site rules") var siteRules: SiteRulesOptionGroup
    @OptionGroup(title: "Reporting") var reporting: ReportingOptions
    @OptionGroup(title: "Reporting") var reportOption: ReportOption

    func validate() throws {
        if output == "-" && !singleFile {
            throw ValidationError("--output - (stdout) needs --single-file: a vault is a folder.")
        }
    }

    func run() throws {
        let run = ExportRun(reporting: reporting)
        let rules = try siteRules.rules()
        let digest = try run.digest(input, selection, rules: rules)
        let metadata = BookMetadata.make(for: digest, overrides: book.overrides, clock: .fromEnvironment())
        let options = MarkdownExportOptions(layout: singleFile ? .singleFile : .vault, images: images.mode,
                                            tags: ["news"] + tags)
        let target = OutputTarget(path: output)
        let export = MarkdownExport(digest: digest, metadata: metadata, options: options, assets: fetching.assetOptions,
                                    cleaner: ArticleCleaner(siteRules: rules))
        let result = try run.writing {
            try export.write(to: target, log: run.log, progress: target == .standardOutput ? nil : run.progress("Writing notes"))
        }
        let summary = result.summary
        var line = "\(digest.articleCountText), \(digest.chapterCountText): "
        line += singleFile ? "1 note" : "\(counted(summary.notes.count, "note")) (\(summary.notesWritten.formatted) changed)"
        line += ", \(counted(summary.attachmentsWritten, "attachment")) written"
        if result.missingImages > 0 { line += " (\(counted(result.missingImages, "picture")) missing)" }
        line += " → \(output)"
        var bytes: Int?
        // Only the report shows the size, and a vault's is ten thousand `stat`s.
        if reportOption.report != nil, case .file(let url) = target {
            let folder = (singleFile ? url.deletingLastPathComponent() : url).path
            bytes = summary.notes.reduce(0) { $0 + Int(fileSize(atPath: folder + "/" + $1)) }
        }
        let reportOutput = ExportReport.Output(path: output, format: singleFile ? "markdown note" : "markdown vault", bytes: bytes,
                                               articles: digest.articleCount, chapters: digest.chapters.count)
        try run.finish(summary: line, report: reportOption.report.map {
            (path: $0, output: reportOutput, picturesBundled: summary.attachments, digest: digest)
        })
    }
}

enum MarkdownImageArgument: String, ExpressibleByArgument, CaseIterable {
    case attachments, remote, none
    var mode: MarkdownImageMode { MarkdownImageMode(rawValue: rawValue)! }
}

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Export the selected articles as one plain-text digest.",
        discussion: """
            Paragraphs are wrapped in display columns: Chinese and Japanese characters count two.

            Exit status: 0 written (warnings allowed); 1 nothing to export, the file or the report could not be \
            written, or --strict with warnings; 2 usage error.
            """)

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .long], help: ArgumentHelp("The text file to write, or - for stdout.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Wrap paragraphs at this many display columns (0: no wrapping).", valueName: "n"))
    var width: Int = 72

    @OptionGroup(title: "Selection") var selection: SelectionOptionGroup
    @OptionGroup(title: "Book") var book: BookOptionGroup
    @OptionGroup(title: "Site rules") var siteRules: SiteRulesOptionGroup
    @OptionGroup(title: "Reporting") var reporting: ReportingOptions
    @OptionGroup(title: "Reporting") var reportOption: ReportOption

    func validate() throws {
        guard width == 0 || width >= 20 else { throw ValidationError("--width must be 0 (no wrapping) or at least 20.") }
    }

    func run() throws {
        let run = ExportRun(reporting: reporting)
        let rules = try siteRules.rules()
        let digest = try run.digest(input, selection, rules: rules)
        let metadata = BookMetadata.make(for: digest, overrides: book.overrides, clock: .fromEnvironment())
        let target = OutputTarget(path: output)
        try run.writing {
            try TextExport(digest: digest, metadata: metadata, width: width, cleaner: ArticleCleaner(siteRules: rules))
                .write(to: target, log: run.log, progress: target == .standardOutput ? nil : run.progress("Writing"))
        }
        var summary: String?
        var bytes: Int?
        if case .file(let url) = target {
            bytes = Int(fileSize(url))
            summary = "\(digest.articleCountText), \(digest.chapterCountText), \(ByteCount.format(fileSize(url))) → \(output)"
        }
        let reportOutput = ExportReport.Output(path: output, format: "text", bytes: bytes, articles: digest.articleCount,
                                               chapters: digest.chapters.count)
        try run.finish(summary: summary, report: reportOption.report.map {
            (path: $0, output: reportOutput, picturesBundled: 0, digest: digest)
        })
    }
}
