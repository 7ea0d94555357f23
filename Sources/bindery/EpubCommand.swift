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
        let export = EPUBExport(digest: digest, metadata: metadata, stylesheet: stylesheet, assets: images.assetOptions,
                                makesCover: !images.book.noCover, coverPicture: images.book.coverPicture,
                                maxBytes: images.book.maxBytes)
        let result: EPUBExport.Result
        do {
            result = try export.write(to: URL(fileURLWithPath: output), log: run.log, progress: run.progress("Binding"))
        } catch {
            run.console.finishProgress()
            FileHandleOutput.standardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.failed)
        }
        run.console.summary(EpubSummaryText.lines(result, digest: digest, output: output))
        try run.finish()
    }
}
