import ArgumentParser
import BinderyKit
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Show which site rules apply to the selected articles and how often each rule fired.",
        discussion: """
            Cleans the selected articles as an export would, without writing anything, and counts \
            what each rule changed: the generic rules (feed footers, share rows, screen-reader labels, \
            bylines, title markers) and the site rules, built in or from --site-rules files. Use it to \
            check a rule file of your own on your archive.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Selection") var selection: SelectionOptionGroup
    @OptionGroup(title: "Site rules") var siteRules: SiteRulesOptionGroup

    @Flag(help: "Also show, article by article, the text each rule took out.")
    var removed = false

    @OptionGroup(title: "Reporting") var reporting: ReportingOptions

    func run() throws {
        let run = ExportRun(reporting: reporting)
        let rules = try siteRules.rules()
        let digest = try run.digest(input, selection, rules: rules)
        let cleaner = ArticleCleaner(siteRules: rules)
        let pipeline = ArticlePipeline(digest: digest, cleaner: cleaner, binding: nil, log: run.log,
                                       progress: run.progress("Cleaning"))
        var report = RuleReport()
        var removals = ""
        try pipeline.forEachArticle { bound in
            report.add(bound.cleaned, site: rules.site(for: bound.article.url)?.name)
            guard removed, !bound.cleaned.removed.isEmpty else { return }
            removals += "\n" + bound.article.origin.displayName + "\n"
            for item in bound.cleaned.removed { removals += "  " + item.rule + "\n      " + item.text + "\n" }
        }
        run.console.finishProgress()
        var text = Self.text(report, rules: rules)
        if removed { text += "\nRemoved text\n" + (removals.isEmpty ? "  none\n" : removals) }
        FileHandleOutput.standardOutput.write(text)
        try run.finish()
    }

    static func text(_ report: RuleReport, rules: SiteRules) -> String {
        var out = "Sites\n"
        let sites = rules.sites.sorted { a, b in
            let (x, y) = (report.articlesBySite[a.name] ?? 0, report.articlesBySite[b.name] ?? 0)
            return x != y ? x > y : a.name < b.name
        }
        let nameWidth = sites.map { DisplayWidth.of($0.name) }.max() ?? 0
        let publisherWidth = sites.map { DisplayWidth.of($0.publisher ?? "-") }.max() ?? 0
        for site in sites {
            let count = report.articlesBySite[site.name] ?? 0
            var line = "  " + pad(String(count), 6, right: true) + "  " + pad(site.name, nameWidth)
            line += "  " + pad(site.publisher ?? "-", publisherWidth) + "  " + site.hosts.map(\.description).joined(separator: ", ")
            out += line + "  (" + site.origin + ")\n"
        }
        out += "\nRules that fired (articles, times)\n"
        let entries = report.entries
        if entries.isEmpty { out += "  none\n" }
        for entry in entries {
            out += "  " + pad(String(entry.articles), 6, right: true) + " " + pad(String(entry.times), 6, right: true)
            out += "  " + entry.rule + "\n"
        }
        out += "\n\(counted(report.articleCount, "article")), \(report.changedArticleCount) changed by a rule\n"
        return out
    }

    /// `text` filled with spaces to `width` display columns (CJK characters count two).
    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return right ? fill + text : text + fill
    }
}
