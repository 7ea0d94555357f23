import Foundation

/// Assembles an EPUB 3.3 book (with an EPUB 2 NCX) one article at a time.
///
/// The zip is written as the book is fed, so memory stays flat however long
/// it is: `init` writes `mimetype`, the container and the stylesheet; `add`
/// renders each article page (and writes its new images) at once; `finish`
/// writes the chapter pages, contents page, title page, cover page, nav, NCX
/// and package document, then moves the file into place. The reading order
/// is planned from the digest first (`BookPlan`), so that every article page
/// can link to the ones before and after it as it is written. Everything goes to a temporary
/// file first (`AtomicOutput`): on any error it is removed and an existing
/// book at the destination stays as it was. Same inputs give the same bytes.
///
/// Layout (OCF 3.3 §4): `EPUB/package.opf`, `EPUB/nav.xhtml`, `EPUB/toc.ncx`,
/// `EPUB/styles/bindery.css`, `EPUB/text/{cover,title,contents,cNNNN,aNNNNN}.xhtml`,
/// `EPUB/images/<asset file name>`.
public final class EPUBWriter {
    /// How article pages reach the book's images (`EPUB/images/`).
    public static let imageLinkPrefix = "../images/"
    /// Pages above this size are reported: Adobe's engine (Kobo, older
    /// readers) fails on XHTML files larger than about 260 KB.
    public static let pageSizeLimit = 260 * 1024

    public let destination: URL
    private let metadata: BookMetadata
    private let digest: Digest
    private let strings: BookStrings
    private let output: AtomicOutput
    private var zip: ZipWriter?
    private var contents = PackageContents()
    private let plan: BookPlan
    private let layout: BookLayout
    /// What the chapter pages and the contents page show of each article
    /// written, by its index in `plan.entries`.
    private var listed: [Int: ListedArticle] = [:]
    /// Articles added per digest chapter: the next one's index in it.
    private var addedPerChapter: [Int: Int] = [:]
    /// Chapter pages rendered as soon as their chapter's last article was
    /// added, by index in `plan.chapters`: the writer's thread mostly waits
    /// for pages while the book is bound, and `finish()` then has less to do.
    private var chapterPages: [Int: Data] = [:]
    private var articleCount = 0
    private var imageCount = 0
    private var sources = SourceTally()
    /// The articles' own tags, for the book's `dc:subject`s.
    private var tags = SourceTally()
    private var coverImage: (id: String, href: String)?
    /// The NCX and the nav's table of contents, rendered on another thread
    /// while the pages are written: they list every article by the title it
    /// has in the digest, which pages do not change (`finish()` checks, and
    /// renders them again otherwise).
    private var earlyTables: BackgroundWork<(entries: [TableOfContents.Entry], ncx: Data, navContents: [UInt8])>?
    private var diagnostics: [Diagnostic] = []

    static let stylesheetHref = "styles/bindery.css"
    /// The articles' most frequent tags become the book's subjects (what
    /// library views and catalogs file it under); a long tail helps no one.
    static let subjectCount = 10
    static let pageStylesheetHref = "../" + stylesheetHref
    static let xhtmlType = "application/xhtml+xml"

    /// Starts the book; nothing appears at `destination` until `finish()`.
    /// `stylesheet` is usually `DefaultStylesheet.css`.
    public init(destination: URL, metadata: BookMetadata, digest: Digest, stylesheet: String,
                layout: BookLayout = BookLayout()) throws {
        var metadata = metadata
        // dc:language and dc:title must not be empty (EPUB 3.3 §5.5.3).
        if metadata.language.trimmingCharacters(in: .whitespaces).isEmpty { metadata.language = "und" }
        let strings = BookStrings.forLanguage(metadata.language)
        if metadata.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { metadata.title = strings.untitled }
        self.metadata = metadata
        self.digest = digest
        self.strings = strings
        self.layout = layout
        plan = BookPlan(digest: digest, layout: layout, heading: { chapter in
            let heading = DateText.chapterHeading(chapter, grouping: metadata.grouping, language: metadata.language,
                                                  timeZone: metadata.timeZone)
            return heading.isEmpty ? strings.undated : heading
        }, otherSources: strings.otherSources)
        output = try AtomicOutput(destination: destination)
        self.destination = output.destination
        do {
            let zip = try ZipWriter(url: output.temporaryURL)
            self.zip = zip
            // OCF 3.3 §4.3: `mimetype` first, stored; the writer adds no extra field.
            try zip.add(path: "mimetype", data: Data("application/epub+zip".utf8), method: .store)
            try zip.add(path: "META-INF/container.xml", data: Self.containerXML, method: .deflate)
            try write(PackageItem(id: "css", href: Self.stylesheetHref, mediaType: "text/css"), Data(stylesheet.utf8))
        } catch {
            abandon()
            throw error
        }
        if !plan.entries.isEmpty {
            let (plan, metadata, strings) = (plan, metadata, strings)
            var titles = [String](repeating: "", count: plan.entries.count)
            for (chapterIndex, chapter) in digest.chapters.enumerated() {
                for (index, article) in chapter.articles.enumerated() {
                    if let entry = plan.entry(chapter: chapterIndex, index: index) { titles[entry] = article.displayTitle }
                }
            }
            earlyTables = BackgroundWork { [titles] in
                let entries = TableOfContents.entries(plan, contentsTitle: strings.contents) { titles[$0] }
                let toc = TableOfContents(entries: entries, landmarks: [])
                return (entries, NCXDocument.render(toc, title: metadata.title, identifier: metadata.identifier,
                                                    language: metadata.language),
                        NavigationDocument.contentsNav(entries, strings: strings))
            }
        }
    }

    /// An article page rendered ahead of `add(_:prepared:)`.
    public struct PreparedPage: Sendable {
        fileprivate var data: Data
        /// Size of the page before compression.
        public var byteCount: Int { data.count }
        /// The article's place in `BookPlan.entries` its links were made for.
        fileprivate var entry: Int?
        /// The article's own language, when not the book's.
        fileprivate var language: String?
        /// The one-line summary its chapter page shows (`ArticleSummary`),
        /// made here, on all cores, rather than by the writer's thread.
        fileprivate var summary: String?
    }

    /// Renders article pages without touching the book: a value fixed by
    /// `init`, so pages can be rendered on all cores
    /// (`ArticleSource.forEachArticle(preparing:_:)`).
    public struct PageRenderer: Sendable {
        fileprivate var strings: BookStrings
        fileprivate var language: String
        fileprivate var timeZone: TimeZone
        fileprivate var plan: BookPlan
        fileprivate var marksMissingPictures: Bool

        public func prepare(_ article: BoundArticle) -> PreparedPage {
            render(article.cleaned, entry: plan.entry(of: article.article), isInBook: nil)
        }

        fileprivate func render(_ cleaned: CleanedArticle, entry: Int?, isInBook: ((String) -> Bool)?) -> PreparedPage {
            let content = ContentXHTML(imageFolder: EPUBWriter.imageLinkPrefix, isInBook: isInBook, strings: strings,
                                       marksMissingPictures: marksMissingPictures)
            let pageLanguage = PageLanguage.of(cleaned, bookLanguage: language)
            let navigation = entry.map {
                ArticleNavigation.node(ArticleNavigation.links(for: $0, in: plan, strings: strings), separator: strings.bylineSeparator,
                                       language: pageLanguage == nil ? nil : language)
            }
            return PreparedPage(data: ArticlePage.render(cleaned, content: content, strings: strings, language: language,
                                                         pageLanguage: pageLanguage, navigation: navigation,
                                                         timeZone: timeZone, stylesheetHref: EPUBWriter.pageStylesheetHref),
                                entry: entry, language: pageLanguage, summary: ArticleSummary.of(cleaned.body))
        }
    }

    public var pageRenderer: PageRenderer {
        PageRenderer(strings: strings, language: metadata.language, timeZone: metadata.timeZone, plan: plan,
                     marksMissingPictures: layout.marksMissingPictures)
    }

    /// Renders and writes `article`'s page now, after the images it brings.
    /// Articles arrive in book order (`ArticleSource`); within a chapter,
    /// pages keep the order they were added.
    public func add(_ article: BoundArticle) throws {
        try add(article, prepared: nil)
    }

    /// Writes `article`'s page (rendered earlier by `pageRenderer`, or now)
    /// after the images it brings.
    public func add(_ article: BoundArticle, prepared: PreparedPage?) throws {
        try guarded {
            let chapterIndex = article.chapterIndex
            guard digest.chapters.indices.contains(chapterIndex) else {
                throw EPUBError.unknownChapter(book: destination.path, article: article.article.origin.displayName, index: chapterIndex)
            }
            let entry = try plannedEntry(of: article)
            for asset in article.newAssets { try addAsset(asset) }
            articleCount += 1
            let planned = plan.entries[entry]
            let page = renderPage(of: article.cleaned, entry: entry, prepared: prepared)
            try write(PackageItem(id: planned.id, href: planned.href, mediaType: Self.xhtmlType,
                                  spinePosition: .chapter(index: chapterIndex, position: planned.position)),
                      page.data)
            let chapter = digest.chapters[chapterIndex]
            listed[entry] = ListedArticle(
                title: article.article.displayTitle, source: article.article.publisherName,
                time: article.article.instant.map {
                    ChapterPage.listedTime($0, withDay: !chapter.isOneDay(metadata.grouping), language: metadata.language,
                                           timeZone: metadata.timeZone)
                },
                summary: page.summary, language: page.language)
            if let source = article.article.publisherName { sources.count(source) }
            for tag in article.cleaned.tags { tags.count(tag) }
            if addedPerChapter[chapterIndex] == chapter.articles.count { chapterPages[chapterIndex] = renderChapterPage(chapterIndex) }
        }
    }

    /// The page of `plan.chapters[index]`, from what its articles showed (`listed`).
    private func renderChapterPage(_ index: Int) -> Data {
        GeneratedDocuments.chapterPage(index, plan: plan, listed: listed, metadata: metadata, strings: strings)
    }

    /// Writes an image to `EPUB/images/<fileName>`; an image already written is ignored.
    public func add(_ asset: Asset) throws {
        try guarded { try addAsset(asset) }
    }

    /// Makes `asset` the cover: the image (written if new) becomes the
    /// `cover-image` and gets a page of its own, first in reading order.
    public func setCover(_ asset: Asset) throws {
        try guarded {
            try addAsset(asset, counted: false)
            coverImage = (Self.imageID(asset.fileName), "images/" + asset.fileName)
        }
    }

    /// Writes the remaining documents, closes the zip and moves the book into place.
    public func finish() throws -> EPUBSummary {
        try guarded {
            guard articleCount == 0 || articleCount == plan.entries.count else {
                // Pages written so far link to the articles that never came.
                throw EPUBError.incomplete(book: destination.path, missing: plan.entries.count - articleCount)
            }
            let toc = GeneratedDocuments.tableOfContents(
                plan: plan, listed: listed, hasCover: coverImage != nil,
                bookTitle: metadata.title, strings: strings)
            let early = earlyTables.map { $0.wait() }.flatMap { $0.entries == toc.entries ? $0 : nil }
            earlyTables = nil
            let documents = GeneratedDocuments.render(
                toc, plan: plan, listed: listed, metadata: metadata, strings: strings,
                renderedNCX: early?.ncx, renderedNavContents: early?.navContents, renderedChapters: chapterPages)
            var last = documents.chapters
            if let contentsPage = documents.contents {
                last.append((PackageItem(id: "contents", href: GeneratedDocuments.contentsHref, mediaType: Self.xhtmlType, spinePosition: .contents),
                             contentsPage))
            }
            last.append(titlePage())
            if let coverImage { last.append(coverPage(coverImage)) }
            // Not in the spine: every article is listed there; readers show it in their menu,
            // and the contents page is what one pages through.
            last.append((PackageItem(id: "nav", href: "nav.xhtml", mediaType: Self.xhtmlType, properties: ["nav"],
                                     spinePosition: articleCount == 0 ? .contents : nil),
                         documents.nav))
            last.append((PackageItem(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml"), documents.ncx))
            // Listed first, so that the package document renders while they
            // are added (the writer's thread waits there for the compressor).
            for (item, _) in last { contents.append(item) }
            let packageDocument = packageDocument(landmarks: toc.landmarks)
            let package = BackgroundWork { packageDocument.render() }
            guard let zip else { throw EPUBError.finished(book: destination.path) }
            // Every article is in: what is left to deflate may use both cores.
            zip.deflatesOnAllCores = true
            for (item, data) in last { try zip.add(path: PackageContents.folder + item.href, data: data, method: .deflate) }
            try zip.add(path: PackageContents.folder + "package.opf", data: package.wait(), method: .deflate)
            try zip.close()
            self.zip = nil
            try output.commit()
            let size = (try? FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
            return EPUBSummary(destination: destination, articleCount: articleCount, chapterCount: articleCount == 0 ? 0 : plan.chapters.count,
                               imageCount: imageCount, byteCount: size, diagnostics: diagnostics)
        }
    }

    // MARK: - Writing

    /// Runs `body` while the writer is open; any error abandons the book.
    private func guarded<T>(_ body: () throws -> T) throws -> T {
        guard zip != nil else { throw EPUBError.finished(book: destination.path) }
        do {
            return try body()
        } catch {
            abandon()
            throw error
        }
    }

    /// Drops the zip (its staging files go with it) and the temporary book.
    private func abandon() {
        _ = earlyTables?.wait()  // nothing of a failed book runs on
        earlyTables = nil
        zip = nil
        output.discard()
    }

    /// The one path into the container for publication resources: the zip
    /// entry and the manifest record are made together.
    private func write(_ item: PackageItem, _ data: Data, method: ZipWriter.Method = .deflate) throws {
        guard let zip else { throw EPUBError.finished(book: destination.path) }
        try zip.add(path: PackageContents.folder + item.href, data: data, method: method)
        contents.append(item)
    }

    /// `counted`: whether the summary's image count includes it (a drawn cover is no article picture).
    private func addAsset(_ asset: Asset, counted: Bool = true) throws {
        guard Self.isPlainFileName(asset.fileName) else {
            throw EPUBError.invalidAssetName(book: destination.path, name: asset.fileName)
        }
        let href = "images/" + asset.fileName
        guard !contents.contains(href: href) else { return }
        // JPEG, PNG, GIF and WebP are compressed already: deflating them again costs time and saves nothing.
        let method: ZipWriter.Method = asset.type == .svg ? .deflate : .store
        try write(PackageItem(id: Self.imageID(asset.fileName), href: href, mediaType: asset.type.mediaType), asset.data, method: method)
        if counted { imageCount += 1 }
    }

    /// The article's place in the plan: found by its file, else as the
    /// next article of its chapter (articles of a chapter arrive in order).
    private func plannedEntry(of article: BoundArticle) throws -> Int {
        let chapterIndex = article.chapterIndex
        let index = addedPerChapter[chapterIndex, default: 0]
        addedPerChapter[chapterIndex] = index + 1
        if let entry = plan.entry(of: article.article), plan.entries[entry].chapter == chapterIndex,
           !contents.contains(href: plan.entries[entry].href) {
            return entry
        }
        guard let entry = plan.entry(chapter: chapterIndex, index: index), !contents.contains(href: plan.entries[entry].href) else {
            throw EPUBError.unknownChapter(book: destination.path, article: article.article.origin.displayName, index: chapterIndex)
        }
        return entry
    }

    /// The page's bytes: `prepared` when every picture it shows is in the
    /// book, else rendered again with the missing ones replaced by text.
    private func renderPage(of cleaned: CleanedArticle, entry: Int, prepared: PreparedPage?) -> PreparedPage {
        let article = cleaned.article
        let isInBook = { (fileName: String) in self.contents.contains(href: "images/" + fileName) }
        var notInBook: [String] = []
        for picture in cleaned.body.pictures {
            if case .bundled(let fileName) = picture.binding, isInBook(fileName) { continue }
            if case .missing = picture.binding { continue }  // reported when it was looked up
            notInBook.append(picture.source)
        }
        let page: PreparedPage
        if notInBook.isEmpty, let prepared, prepared.entry == entry {
            page = prepared
        } else {
            for source in notInBook {
                let shown = source.hasPrefix("data:") ? "data: URI" : source
                diagnostics.append(Diagnostic(file: article.origin.displayName, "image \(shown) is not in the book; replaced by its text",
                                              kind: .pictureMissing, subject: source, cause: "pictures not in the book (replaced by their text)"))
            }
            page = pageRenderer.render(cleaned, entry: entry, isInBook: isInBook)
        }
        let data = page.data
        if data.count > Self.pageSizeLimit {
            diagnostics.append(.warning(article.origin.displayName,
                                        "article page is \(data.count / 1024) KB; some readers (Adobe/Kobo) fail above \(Self.pageSizeLimit / 1024) KB",
                                        kind: .pageTooLarge))
        }
        return page
    }

    private func titlePage() -> (PackageItem, Data) {
        let xhtml = FrontMatterPages.titlePage(title: metadata.title, dateRange: dateRangeText, articleCount: articleCount,
                                               sources: metadata.contributors.isEmpty ? sources.ranked : metadata.contributors,
                                               strings: strings, language: metadata.language,
                                               stylesheetHref: Self.pageStylesheetHref)
        return (PackageItem(id: "titlepage", href: "text/title.xhtml", mediaType: Self.xhtmlType, spinePosition: .titlePage), xhtml)
    }

    private func coverPage(_ image: (id: String, href: String)) -> (PackageItem, Data) {
        contents.addProperty("cover-image", toHref: image.href)
        let xhtml = FrontMatterPages.cover(imageHref: "../" + image.href, title: metadata.title, strings: strings,
                                           language: metadata.language, stylesheetHref: Self.pageStylesheetHref)
        return (PackageItem(id: "cover", href: "text/cover.xhtml", mediaType: Self.xhtmlType, spinePosition: .cover), xhtml)
    }

    private func packageDocument(landmarks: [TableOfContents.Landmark]) -> PackageDocument {
        var date: String?
        if let first = metadata.dateRange?.lowerBound { date = W3CDateTime.day(first, timeZone: metadata.timeZone) }
        let sourceList = FrontMatterPages.sourcesLine(metadata.contributors.isEmpty ? sources.ranked : metadata.contributors, strings: strings)
        let description = [dateRangeText, strings.articleCount(articleCount), sourceList].compactMap { $0 }
            .joined(separator: strings.bylineSeparator)
        return PackageDocument(metadata: metadata, contents: contents, landmarks: landmarks, ncxID: "ncx",
                               coverImageID: coverImage?.id, date: date, description: description,
                               subjects: Array(tags.ranked.prefix(Self.subjectCount)))
    }

    // MARK: - Derived text

    /// The first and last local days, as chapter headings of day chapters.
    private var dateRangeText: String? {
        guard let range = metadata.dateRange else { return nil }
        func day(_ instant: Date) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = metadata.timeZone
            let chapter = Chapter(key: W3CDateTime.day(instant, timeZone: metadata.timeZone),
                                  start: calendar.startOfDay(for: instant), articles: [])
            return DateText.chapterHeading(chapter, grouping: .day, language: metadata.language, timeZone: metadata.timeZone)
        }
        let first = day(range.lowerBound), last = day(range.upperBound)
        return first == last ? first : first + strings.rangeSeparator + last
    }

    // MARK: - Names

    private static let containerXML = XMLTree.document(XMLTree.element("container", [
        ("version", "1.0"), ("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container"),
    ], [
        XMLTree.element("rootfiles", [], [
            XMLTree.element("rootfile", [("full-path", PackageContents.folder + "package.opf"),
                                         ("media-type", "application/oebps-package+xml")]),
        ]),
    ]))

    /// `img-` + the file name: an XML NCName, since file names are plain.
    private static func imageID(_ fileName: String) -> String { "img-" + fileName }

    /// Letters, digits, `-`, `_`, `.`; not starting with `.`; at most 100 bytes.
    static func isPlainFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 100, !name.hasPrefix(".") else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
    }
}

/// How many articles each source (or tag) came with, for the title page
/// (and the book's subjects).
private struct SourceTally {
    private var counts: [String: Int] = [:]

    mutating func count(_ source: String) { counts[source, default: 0] += 1 }

    /// Most articles first, then by name: stable across runs.
    var ranked: [String] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
