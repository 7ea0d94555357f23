import Foundation
@testable import BinderyKit

/// Takes the bytes of one archive file down Bindery's whole article path —
/// read, clean, convert, bind pictures, render an EPUB page, a Markdown
/// body and wrapped plain text — and says what is wrong with the result:
///
/// - the page is not well-formed XML, or holds a script, an event handler,
///   a style, a link that is not to the web, mail or an `id` on the page, or
///   a picture that is not a file of the book (XHTML);
/// - Markdown would read as raw HTML, a link that is not to the web or mail,
///   or a picture that is not in the attachments folder;
/// - Markdown or plain text (the article as `bindery text` writes it,
///   title and link list included) holds control characters (a terminal
///   would act on them);
/// - a run of the input's visible text (`VisibleText`) is missing from an
///   output (compared as `TextSkeleton`s) — unless a site or boilerplate
///   rule reported taking it out — or the title is missing from the page
///   or the text.
///
/// The fuzz target (Fuzz/Harness) stops on any finding; the regression
/// tests replay the inputs it found (Fuzz/Regressions).
enum ArticleOracle {
    struct Finding: CustomStringConvertible {
        var output: String
        var problem: String
        var description: String { "\(output): \(problem)" }
    }

    static let file = SourceFile(url: URL(fileURLWithPath: "/nonexistent/archive/article.txt"),
                                 root: URL(fileURLWithPath: "/nonexistent/archive"), displayName: "article.txt")
    private static let utc = TimeZone(secondsFromGMT: 0)!

    /// `show`, when given, sees each stage's output by name (for a person
    /// looking into a finding: `BINDERY_FUZZ_SHOW=1 bindery-fuzz FILE`).
    static func findings(_ bytes: [UInt8], show: ((String, String) -> Void)? = nil) -> [Finding] {
        let read = ArchiveReader(zonelessTimeZone: utc).read(bytes: bytes, as: file)
        guard let article = read.article else { return [] }
        let (cleaned, _) = ArticleCleaner().clean(article, html: read.body)
        // Text the site and boilerplate rules took out is reported, not lost
        // (`bindery rules --removed` lists it): a run within it may go.
        let removed = cleaned.removed.map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let visible = VisibleText.runs(HTMLParser.parseFragment(read.body)).filter { run in
            let words = run.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return !removed.contains { $0.contains(words) }
        }
        show?("body", read.body)
        show?("visible text runs", visible.map(quoted).joined(separator: "\n"))
        let runs = (xhtml: TextRuns(visible, .xhtml), lineOriented: TextRuns(visible, .lineOriented))
        var findings = modelFindings(cleaned.body)

        // Pictures as the Assets stage leaves them: some in the book, some missing.
        let bound = ImageRewriter.bind(cleaned.body) { source in
            source.utf8.count % 2 == 0 ? "picture\(source.utf8.count).png" : nil
        }.body

        var boundArticle = cleaned
        boundArticle.body = bound
        let page = String(decoding: ArticlePage.render(
            boundArticle, content: ContentXHTML(), strings: .english, language: "en", timeZone: utc,
            stylesheetHref: "../styles/bindery.css"), as: UTF8.self)
        show?("XHTML", page)
        let xhtml = XHTMLChecks(imageFolder: EPUBWriter.imageLinkPrefix).check(page)
        findings += xhtml.problems.map { Finding(output: "XHTML", problem: $0) }
        if xhtml.problems.isEmpty {
            findings += lostText(runs.xhtml, in: xhtml.bodyText, output: "XHTML")
            findings += lostText(TextRuns([article.title], .xhtml), in: xhtml.bodyText, output: "XHTML title")
        }

        let markdown = MarkdownRenderer(images: .attachments).render(bound)
        show?("Markdown", markdown)
        let note = MarkdownChecks(attachmentsFolder: MarkdownExportOptions.attachmentsFolder).check(markdown)
        findings += (note.problems + controls(in: markdown)).map { Finding(output: "Markdown", problem: $0) }
        findings += lostText(runs.lineOriented, in: note.text, output: "Markdown")

        // Wrapping narrow and not at all, depending on the input, so both paths run.
        let width = [72, 0, 24][bytes.count % 3]
        let text = PlainTextExporter(metadata: metadata, digest: digest(article), width: width)
            .article(BoundArticle(chapterIndex: 0, cleaned: cleaned))
        show?("text (width \(width))", text)
        findings += controls(in: text).map { Finding(output: "text", problem: $0) }
        findings += lostText(runs.lineOriented, in: text, output: "text (width \(width))")
        findings += lostText(TextRuns([article.title], .lineOriented), in: text, output: "text title")
        return findings
    }

    private static let metadata = BookMetadata(
        title: "Fuzz", language: "en", creators: [], publisher: nil, identifier: "urn:uuid:fuzz",
        modified: Date(timeIntervalSince1970: 0), dateRange: nil, timeZone: utc, grouping: .day)

    private static func digest(_ article: Article) -> Digest {
        Digest(chapters: [Chapter(key: "fuzz", start: article.instant, articles: [article])],
               options: SelectionOptions(timeZone: utc))
    }

    private static func lostText(_ runs: TextRuns, in output: String, output name: String) -> [Finding] {
        guard let run = runs.firstMissing(in: output) else { return [] }
        return [Finding(output: name, problem: "text lost: \(quoted(run))")]
    }

    /// C0 and C1 controls other than tab and line feed, and DEL.
    private static func controls(in output: String) -> [String] {
        guard let control = output.unicodeScalars.first(where: {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
        }) else { return [] }
        return ["control character U+\(String(control.value, radix: 16, uppercase: true))"]
    }

    /// What `CleanedArticle` promises about links, anchors and embeds.
    static func modelFindings(_ body: [Block]) -> [Finding] {
        var problems: [String] = []
        var anchors: [String: Int] = [:]
        var fragments: [String] = []
        ContentWalker.walk(body, blocks: { block in
            if case .embed(let embed) = block, let url = embed.url, !URIScheme.isWeb(url) {
                problems.append("embed points to \(url)")
            }
            return .descend
        }, inlines: { inline in
            switch inline {
            case .link(let href, _):
                if href.hasPrefix("#") {
                    fragments.append(String(href.dropFirst()))
                } else if !["http", "https", "mailto"].contains(URIScheme.of(href) ?? "") {
                    problems.append("link to \(href)")
                }
            case .anchor(let id):
                anchors[id, default: 0] += 1
            default:
                break
            }
            return .descend
        })
        for (id, count) in anchors where count > 1 { problems.append("anchor \(id) \(count) times") }
        for fragment in fragments where anchors[fragment] == nil { problems.append("link to missing anchor #\(fragment)") }
        return problems.map { Finding(output: "content", problem: $0) }
    }

    static func quoted(_ text: String) -> String {
        let shown = text.count > 120 ? String(text.prefix(120)) + "…" : text
        return "\"" + shown.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "\""
    }
}
