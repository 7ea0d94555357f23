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
    var output: String?

    @Option(help: ArgumentHelp("Write the book into this library folder (what bindery serve serves) as SERIES-YYYY-Www.epub.", valueName: "dir"))
    var library: String?

    @Option(name: .customLong("send"), help: ArgumentHelp("Also e-mail the book to this address (repeatable); see bindery send.", valueName: "address"))
    var sendTo: [String] = []

    @OptionGroup(title: "Selection") var selection: SelectionOptionGroup
    @OptionGroup(title: "Book") var book: BookOptionGroup

    @Option(help: ArgumentHelp("A CSS file to use instead of the built-in stylesheet.", valueName: "path"))
    var style: String?

    @OptionGroup(title: "Images") var images: ImageOptionGroup
    @OptionGroup(title: "Reporting") var reporting: ReportingOptions
    @OptionGroup(title: "Mail (with --send)") var mail: MailOptionGroup

    func validate() throws {
        if output == nil && library == nil && sendTo.isEmpty { throw ValidationError("Give --output FILE, --library DIR or --send ADDRESS.") }
        if output != nil && library != nil { throw ValidationError("Give --output or --library, not both.") }
        if !sendTo.isEmpty { _ = try mail.settings(to: sendTo) }
        if let style, !FileManager.default.isReadableFile(atPath: style) {
            throw ValidationError("--style: cannot read \(style)")
        }
    }

    func run() throws {
        let run = ExportRun(reporting: reporting)
        let digest = try run.digest(input, selection)
        let metadata = BookMetadata.make(for: digest, overrides: book.overrides, clock: .fromEnvironment())
        let stylesheet = try style.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? DefaultStylesheet.css
        let export = EPUBExport(digest: digest, metadata: metadata, stylesheet: stylesheet,
                                assets: images.assetOptions, makesCover: images.includesCover)
        let (destination, result) = try run.writing {
            let destination = try BookDestination(output: output, library: library, metadata: metadata)
            return (destination, try export.write(to: destination.url, log: run.log, progress: run.progress("Binding")))
        }
        var line = "\(digest.articleCountText), \(digest.chapterCountText), \(counted(result.summary.imageCount, "image"))"
        if result.missingImages > 0 { line += " (\(result.missingImages) missing)" }
        line += ", \(ByteCount.format(Int64(result.summary.byteCount))) → \(output ?? destination.url.path)"
        run.console.summary(line)
        if !sendTo.isEmpty { try mail.send(destination.url, settings: try mail.settings(to: sendTo), quiet: reporting.quiet) }
        try run.finish()
    }
}
