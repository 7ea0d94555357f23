import ArgumentParser
import BinderyKit
import Foundation

struct EpubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epub",
        abstract: "Export the selected articles as an EPUB 3 e-book.",
        discussion: "Chapters are days (weeks, months) in --time-zone; each article is one page. The file is written atomically.")

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .long], help: ArgumentHelp("The EPUB file to write.", valueName: "file.epub"))
    var output: String

    @OptionGroup(title: "Selection") var selection: SelectionOptionGroup
    @OptionGroup(title: "Book") var book: BookOptionGroup

    @Option(help: ArgumentHelp("A CSS file to use instead of the built-in stylesheet.", valueName: "path"))
    var style: String?

    @OptionGroup(title: "Images") var images: ImageOptionGroup
    @OptionGroup(title: "Reporting") var reporting: ReportingOptions

    func validate() throws {
        if let style, !FileManager.default.isReadableFile(atPath: style) {
            throw ValidationError("--style: cannot read \(style)")
        }
    }

    func run() throws {
        let run = ExportRun(reporting: reporting)
        let digest = try run.digest(input, selection)
        let metadata = BookMetadata.make(for: digest, overrides: book.overrides, clock: .fromEnvironment())
        let stylesheet = try style.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? DefaultStylesheet.css
        let destination = URL(fileURLWithPath: output).standardizedFileURL
        var assetOptions = images.assetOptions
        assetOptions.acceptedTypes = AssetOptions.epubTypes
        let resolver = AssetResolver(options: assetOptions)
        if let problem = resolver.cacheDiagnostic { run.log.report(problem) }
        let summary: EPUBSummary
        do {
            let writer = try EPUBWriter(destination: destination, metadata: metadata, digest: digest, stylesheet: stylesheet)
            let pipeline = ArticlePipeline(
                digest: digest, binding: .init(resolver: resolver, linkPrefix: EPUBWriter.imageLinkPrefix),
                log: run.log, progress: run.progress("Binding"))
            // The cover is the most prominent picture of the first chapter.
            var firstChapterImages: [Asset] = []
            try pipeline.forEachArticle(preparing: writer.preparePage) { bound, page in
                if bound.chapterIndex == 0 { firstChapterImages += bound.newAssets }
                try writer.add(bound, prepared: page)
            }
            if images.includesCover, let cover = AssetResolver.coverImage(among: firstChapterImages) {
                try writer.setCover(cover)
            }
            summary = try writer.finish()
        } catch {
            run.console.finishProgress()
            FileHandleOutput.standardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.failed)
        }
        run.log.report(contentsOf: summary.diagnostics)
        var line = "\(digest.articleCountText), \(digest.chapterCountText), \(summary.imageCount) images"
        if resolver.missingImageCount > 0 { line += " (\(resolver.missingImageCount) missing)" }
        line += ", \(ByteCount.format(Int64(summary.byteCount))) → \(output)"
        run.console.summary(line)
        try run.finish()
    }
}
