import ArgumentParser
import BinderyKit
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show what would be exported: chapters, articles and warnings.")

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Selection") var selection: SelectionOptionGroup

    @Option(help: ArgumentHelp("Language of the chapter headings (default: detected).", valueName: "tag"))
    var language: String?

    @OptionGroup(title: "Reporting") var reporting: ReportingOptions

    func run() throws {
        let run = ExportRun(reporting: reporting)
        let digest = try run.digest(input, selection)
        let language = self.language ?? BookMetadata.detectedLanguage(of: digest)
        let zone = digest.options.timeZone
        let pipeline = ArticlePipeline(digest: digest, binding: nil, log: run.log)
        var currentChapter = -1
        var out = ""
        try pipeline.forEachArticle { bound in
            if bound.chapterIndex != currentChapter {
                currentChapter = bound.chapterIndex
                let chapter = digest.chapters[currentChapter]
                let heading = DateText.chapterHeading(chapter, grouping: digest.options.grouping, language: language, timeZone: zone)
                out += "\n\(heading)  (\(chapter.articles.count))\n"
            }
            let article = bound.article
            let when = article.instant.map { DateText.articleDateTime($0, language: language, timeZone: zone) } ?? "—"
            let images = bound.cleaned.body.pictures.count
            out += "  \(when)  \(article.title)\n"
            out += "      \(article.source ?? "-") · \(images) image\(images == 1 ? "" : "s") · \(article.origin.displayName)\n"
            if out.utf8.count > 1 << 16 {
                FileHandleOutput.standardOutput.write(out)
                out = ""
            }
        }
        out += "\n\(digest.articleCountText), \(digest.chapterCountText)\n"
        FileHandleOutput.standardOutput.write(String(out.drop(while: { $0 == "\n" })))
        try run.finish()
    }
}
