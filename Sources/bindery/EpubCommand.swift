import ArgumentParser
import BinderyKit
import Foundation

struct EpubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epub",
        abstract: "Export the selected articles as an EPUB 3 e-book.",
        discussion: """
            Chapters are days (weeks, months) in --time-zone; each article is one page. The file is written atomically; \
            without --output or --library it goes into the current folder, named after the digest and its period.

            Exit status: 0 written (warnings allowed); 1 nothing to export, the book or report could not be written, \
            sending failed, or --strict with warnings; 2 usage error.
            """)

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

    @Option(help: ArgumentHelp("List a large chapter's articles by source, under source headings (source, the default), or in time order (none).",
                               valueName: "source|none"))
    var sections: SectionsArgument = .source

    @OptionGroup(title: "Images") var images: ImageOptionGroup
    @OptionGroup(title: "Site rules") var siteRules: SiteRulesOptionGroup
    @OptionGroup(title: "Reporting") var reporting: ReportingOptions
    @OptionGroup(title: "Reporting") var reportOption: ReportOption
    @OptionGroup(title: "Mail (with --send)") var mail: MailOptionGroup

    func validate() throws {
        if output != nil && library != nil { throw ValidationError("Give --output or --library, not both.") }
        if !sendTo.isEmpty { _ = try mail.settings(to: sendTo) }
        if let style, !FileManager.default.isReadableFile(atPath: style) {
            throw ValidationError("--style: cannot read \(style)")
        }
    }

    func run() throws {
        let run = ExportRun(reporting: reporting)
        let rules = try siteRules.rules()
        let digest = try run.digest(input, selection, rules: rules)
        let metadata = BookMetadata.make(for: digest, overrides: book.overrides, clock: .fromEnvironment())
        let stylesheet = try style.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? DefaultStylesheet.css
        var export = EPUBExport(digest: digest, metadata: metadata, stylesheet: stylesheet, assets: images.assetOptions,
                                makesCover: !images.book.noCover, coverPicture: images.book.coverPicture,
                                maxBytes: images.book.maxBytes, cleaner: ArticleCleaner(siteRules: rules))
        export.layout.sections = sections.sections
        let (destination, result) = try run.writing {
            let destination = try BookDestination(output: output, library: library, onlySent: library == nil && !sendTo.isEmpty,
                                                  metadata: metadata)
            return (destination, try export.write(to: destination.url, log: run.log, progress: run.progress("Binding"),
                                                  picturesFetched: { [console = run.console] in console.picturesFetched($0) }))
        }
        let summary = EpubSummaryText.lines(result, digest: digest, output: output ?? destination.url.path)
        try run.conclude(summary: summary, report: reportOption.report.map {
            (path: $0, output: EpubSummaryText.reportOutput(result, digest: digest, destination: destination.url),
             picturesBundled: EpubSummaryText.imageCount(result), digest: digest)
        })
        if !sendTo.isEmpty {
            // A split book is sent volume by volume (each within --max-size);
            // the destination lives until then (it may be a temporary folder).
            let settings = try mail.settings(to: sendTo)
            try withExtendedLifetime(destination) {
                for book in result.volumes.isEmpty ? [destination.url] : result.volumes.map(\.destination) {
                    try mail.send(book, settings: settings, quiet: reporting.quiet)
                }
            }
        }
        try run.enforceStrictness()
    }
}

enum SectionsArgument: String, ExpressibleByArgument, CaseIterable {
    case source, none
    var sections: BookLayout.Sections { BookLayout.Sections(rawValue: rawValue)! }
}
