import Foundation

/// The documents `EPUBWriter.finish()` writes last because each lists every
/// article: the chapter pages, the contents page, the nav and the NCX. Made
/// from values only (the plan, what each written article showed), so they
/// can be rendered off the writer's state, two at a time.
struct GeneratedDocuments {
    static let contentsHref = "text/contents.xhtml"

    var chapters: [(PackageItem, Data)]
    /// `nil` when the book has no articles: the nav is its contents then.
    var contents: Data?
    var nav: Data
    var ncx: Data

    /// Renders them on two cores at once, to be written in their fixed
    /// order: the nav and the NCX (whose trees are the largest) on one, the
    /// chapter pages and the contents page on the other. `listed` holds what
    /// each written article showed, by its index in `plan.entries` (empty
    /// when the book has none). What was made earlier is used as it is:
    /// `renderedNCX` and `renderedNavContents` (`NavigationDocument.contentsNav`)
    /// for this same `toc`, if any, and `renderedChapters` (`chapterPage`),
    /// by index in `plan.chapters`.
    static func render(_ toc: TableOfContents, plan: BookPlan, listed: [Int: ListedArticle], metadata: BookMetadata,
                       strings: BookStrings, renderedNCX: Data?, renderedNavContents: [UInt8]?,
                       renderedChapters: [Int: Data]) -> GeneratedDocuments {
        let hasArticles = !listed.isEmpty
        let chapters = hasArticles ? plan.chapters : []
        let pages = ResultSlots<[Data]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            if lane == 0 {
                pages.set(0, [
                    renderedNCX ?? NCXDocument.render(toc, title: metadata.title, identifier: metadata.identifier,
                                                      language: metadata.language),
                    NavigationDocument.render(toc, title: metadata.title, strings: strings, language: metadata.language,
                                              stylesheetHref: EPUBWriter.stylesheetHref, renderedContents: renderedNavContents),
                ])
                return
            }
            var rendered = chapters.indices.map { index in
                renderedChapters[index] ?? chapterPage(index, plan: plan, listed: listed, metadata: metadata, strings: strings)
            }
            if hasArticles {
                rendered.append(ContentsPage.render(plan, listed: listed, title: metadata.title, strings: strings,
                                                    language: metadata.language, stylesheetHref: EPUBWriter.pageStylesheetHref))
            }
            pages.set(1, rendered)
        }
        let (tocDocuments, chapterDocuments) = (pages.values[0], pages.values[1])
        let chapterPages = chapters.enumerated().map { index, chapter in
            (PackageItem(id: chapter.id, href: chapter.href, mediaType: EPUBWriter.xhtmlType,
                         spinePosition: .chapter(index: chapter.digestIndex, position: 0)), chapterDocuments[index])
        }
        return GeneratedDocuments(chapters: chapterPages, contents: hasArticles ? chapterDocuments.last : nil,
                                  nav: tocDocuments[1], ncx: tocDocuments[0])
    }

    /// The page of `plan.chapters[index]`; `listed` must hold every one of its articles.
    static func chapterPage(_ index: Int, plan: BookPlan, listed: [Int: ListedArticle], metadata: BookMetadata,
                            strings: BookStrings) -> Data {
        let chapters = plan.chapters
        return ChapterPage.render(chapters[index], plan: plan, listed: listed,
                                  nextChapter: chapters.indices.contains(index + 1) ? chapters[index + 1] : nil,
                                  contentsHref: ArticleNavigation.fileName(contentsHref), strings: strings,
                                  language: metadata.language, stylesheetHref: EPUBWriter.pageStylesheetHref)
    }

    /// Chapter → (source section →) article, for the nav and the NCX, and
    /// the landmarks. `listed` as in `render`.
    static func tableOfContents(plan: BookPlan, listed: [Int: ListedArticle], hasCover: Bool, bookTitle: String,
                                strings: BookStrings) -> TableOfContents {
        let hasArticles = !listed.isEmpty
        var entries: [TableOfContents.Entry] = []
        if hasArticles {
            entries = TableOfContents.entries(plan, contentsTitle: strings.contents) { listed[$0]?.title ?? "" }
        }
        // A nav `ol` and an NCX `navMap` may not be empty.
        if entries.isEmpty { entries = [.init(title: bookTitle, href: "text/title.xhtml")] }
        var landmarks: [TableOfContents.Landmark] = []
        if hasCover {
            landmarks.append(.init(type: "cover", guideType: "cover", title: strings.cover, href: "text/cover.xhtml"))
        }
        landmarks.append(.init(type: "titlepage", guideType: "title-page", title: strings.titlePage, href: "text/title.xhtml"))
        landmarks.append(.init(type: "toc", guideType: "toc", title: strings.contents,
                               href: hasArticles ? contentsHref : "nav.xhtml"))
        if hasArticles, let first = plan.chapters.first {
            // Where Kindle and other readers open the book.
            landmarks.append(.init(type: "bodymatter", guideType: "text", title: strings.beginning, href: first.href))
        }
        return TableOfContents(entries: entries, landmarks: landmarks)
    }
}

extension TableOfContents {
    /// The contents page, then chapter → (source section →) article, each
    /// article with `title(entry)`.
    static func entries(_ plan: BookPlan, contentsTitle: String, title: (Int) -> String) -> [Entry] {
        func articles(_ indices: [Int]) -> [Entry] {
            indices.map { .init(title: title($0), href: plan.entries[$0].href) }
        }
        var entries: [Entry] = plan.chapters.map { chapter in
            let children: [Entry] = chapter.isSplit
                // A source leads to its first article: the nav must follow reading order
                // (epubcheck NAV-011), and the chapter page comes before the articles.
                ? chapter.sections.map { section in
                    .init(title: section.title ?? "", href: section.entries.first.map { plan.entries[$0].href } ?? chapter.href,
                          children: articles(section.entries))
                }
                : articles(chapter.entryIndices)
            return Entry(title: chapter.heading, href: chapter.href, children: children)
        }
        // The contents page first, so the reader's menu leads to it too.
        entries.insert(.init(title: contentsTitle, href: GeneratedDocuments.contentsHref), at: 0)
        return entries
    }
}
