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
        let stylesheet = try style.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        let destination = URL(fileURLWithPath: output).standardizedFileURL
        let writer = try EPUBWriter(destination: destination, metadata: metadata, digest: digest, stylesheet: stylesheet)
        let resolver = AssetResolver(options: images.assetOptions)
        let pipeline = ArticlePipeline(
            digest: digest, binding: .init(resolver: resolver, linkPrefix: "../images/"),
            log: run.log, progress: run.progress("Binding"))
        var imageCount = 0
        try pipeline.forEachArticle { bound in
            for asset in bound.newAssets { try writer.add(asset) }
            imageCount += bound.newAssets.count
            try writer.add(bound.cleaned, chapterIndex: bound.chapterIndex)
        }
        try writer.finish()
        run.console.summary("\(digest.articleCountText), \(digest.chapterCountText), \(imageCount) images, \(ByteCount.format(fileSize(destination))) → \(output)")
        try run.finish()
    }
}
