import Dispatch
import Foundation

/// What scanning the inputs found.
public struct ArchiveScan: Sendable {
    public var articles: [Article]
    public var diagnostics: [Diagnostic]
    public init(articles: [Article], diagnostics: [Diagnostic]) {
        self.articles = articles
        self.diagnostics = diagnostics
    }
}

/// Reads article files and folders (FORMAT.md).
///
/// `scan` reads only the head of each file (header plus the first bytes of
/// the body, where the date line sits), files in parallel; bodies are read
/// later, one at a time, by `loadBody(of:)`, so memory stays flat however
/// large the archive.
public struct ArchiveReader: Sendable {
    /// The zone for dates written without one (a zone-less ISO date, a
    /// `2020年 6月 27日` date line, `dd/mm/yyyy - hh:mm`). `nil` chooses per
    /// article: UTC+8 when the title is Chinese — the feeds that write such
    /// dates publish in China/Taiwan/Hong Kong time — and UTC otherwise.
    public var zonelessTimeZone: TimeZone?
    /// "Now", for telling a date from the future (`BuildClock`).
    public var now: Date

    public init(zonelessTimeZone: TimeZone? = nil, now: Date = BuildClock.fromEnvironment().now) {
        self.zonelessTimeZone = zonelessTimeZone
        self.now = now
    }

    static let utc = TimeZone(secondsFromGMT: 0)!

    /// How much of a file `scan` reads: enough for any real header and the
    /// body's date line (the largest header seen is well under 4 KB).
    static let headBytes = 16 * 1024
    /// How much of the head is checked for binary data (as `git` and `file`
    /// judge a file by its first few kilobytes).
    static let sniffBytes = 4 * 1024
    /// How far into the body the date line is looked for.
    static let dateLineWindow = 2 * 1024
    /// The largest file read as an article. Real articles stay under a few
    /// hundred kilobytes, a few megabytes with pictures inlined as `data:`
    /// URIs; a larger file is something else (a log, a dump) and would take
    /// several times its size in memory to clean.
    public static let maximumArticleBytes = 64_000_000

    /// Walks `inputs` (files and folders, recursively), parses each article's
    /// header and date, and reports files that are not articles. Does not
    /// deduplicate (that is the Digest's job) and keeps no bodies.
    ///
    /// `articles` are sorted by instant (undated last), then display name.
    public func scan(_ inputs: [URL]) -> ArchiveScan {
        let (files, walkDiagnostics) = InputWalker.walk(inputs)
        // The order of `files` fixes the output order.
        let results = files.concurrentMap(readHead)
        var articles: [Article] = []
        articles.reserveCapacity(files.count)
        var diagnostics = walkDiagnostics
        for result in results {
            if let article = result.article { articles.append(article) }
            diagnostics.append(contentsOf: result.diagnostics)
        }
        articles.sort(by: Article.readingOrder)
        return ArchiveScan(articles: articles, diagnostics: diagnostics)
    }

    /// The body HTML of `article` as text (see `readBody(of:)`).
    public func loadBody(of article: Article) throws -> String {
        try readBody(of: article).text
    }

    /// The body HTML of `article` (everything after the header; for a Jekyll
    /// post, inside its wrapping `<div>`), with invalid UTF-8 repaired, a BOM
    /// dropped and CRLF/CR normalised to LF; a file the scan found in another
    /// encoding (`Article.textEncoding`) is read in it.
    ///
    /// - Throws: `ArchiveError.unreadable` when the file cannot be read, and
    ///   `ArchiveError.notAnArticle` when it no longer holds an article.
    public func readBody(of article: Article) throws -> ArticleBody {
        let raw: [UInt8]
        do {
            // One byte more than allowed tells a file that grew past the limit since the scan.
            raw = try TextBytes.readFile(article.origin.url.path, limit: Self.maximumArticleBytes + 1)
        } catch let failure as TextBytes.ReadFailure {
            throw ArchiveError.unreadable(file: article.origin.displayName, reason: failure.reason)
        }
        guard raw.count <= Self.maximumArticleBytes else {
            throw ArchiveError.notAnArticle(file: article.origin.displayName,
                                            reason: "larger than an article can be: \(ByteCount.format(Int64(Self.maximumArticleBytes)))")
        }
        return try body(of: raw, file: article.origin.displayName, encoding: article.textEncoding)
    }

    /// The body HTML of a file's bytes (see `loadBody(of:)`), read in
    /// `encoding` when the scan found the file is not UTF-8.
    func body(of raw: [UInt8], file: String, encoding: String?) throws -> ArticleBody {
        let bytes = TextBytes.normalized(encoding.flatMap { ArchiveEncoding.utf8(raw, from: $0) } ?? raw)
        switch ArticleHeader.parse(bytes, for: .bodyStart) {
        case .failure(let problem):
            throw ArchiveError.notAnArticle(file: file, reason: problem.reason)
        case .success(let header):
            var body = bytes[header.bodyStart...]
            if header.isJekyllPost { body = JekyllBody.unwrapped(body) }
            return ArticleBody(repairing: body)
        }
    }

    // MARK: One file

    struct FileResult {
        var article: Article?
        var diagnostics: [Diagnostic] = []
    }

    /// Share of invalid bytes above which a file is taken for binary data
    /// rather than text with a few damaged characters.
    static let maximumDamage = 0.05
    static let notText = "not text in UTF-8, UTF-16, GB18030, Big5 or Windows-1252"

    func readHead(_ file: InputWalker.Found) -> FileResult {
        let name = file.displayName
        let raw: [UInt8]
        let fileSize: Int
        do {
            (raw, fileSize) = try TextBytes.readFileHead(file.path, limit: Self.headBytes)
        } catch let failure as TextBytes.ReadFailure {
            return FileResult(diagnostics: [.warning(name, "cannot read file: \(failure.reason)", kind: .fileSkipped)])
        } catch {
            return FileResult(diagnostics: [.warning(name, "cannot read file: \(error)", kind: .fileSkipped)])
        }
        return head(raw, fileSize: fileSize, file: file.source)
    }

    /// The article a file's first `headBytes` bytes describe (see `scan`);
    /// `fileSize` is the whole file's.
    func head(_ raw: [UInt8], fileSize: Int, file: SourceFile) -> FileResult {
        let name = file.displayName
        if fileSize > Self.maximumArticleBytes {
            return FileResult(diagnostics: [.warning(name, "not an article (\(ByteCount.format(Int64(fileSize))), larger than an article can be: "
                                                         + "\(ByteCount.format(Int64(Self.maximumArticleBytes)))); skipped", kind: .fileSkipped)])
        }
        if TextBytes.isBlank(raw[...]) {
            return FileResult(diagnostics: [.warning(name, "not an article (empty file); skipped", kind: .fileSkipped)])
        }
        let sniffed = raw.prefix(Self.sniffBytes)
        let damage = TextBytes.damage(of: sniffed)
        let tooDamaged = Double(damage.invalidBytes) > Double(sniffed.count) * Self.maximumDamage
        var text = raw
        var encoding: String?
        if let recognized = ArchiveEncoding.recognized(raw, sniffed: sniffed, invalidUTF8: damage.invalidBytes,
                                                       tooDamagedForUTF8: tooDamaged) {
            (text, encoding) = (recognized.bytes, recognized.encoding)
        } else if damage.nulBytes > 0 {
            return FileResult(diagnostics: [.warning(name, "not an article (binary data: contains NUL bytes); skipped", kind: .fileSkipped)])
        } else if tooDamaged {
            return FileResult(diagnostics: [.warning(name, "not an article (\(Self.notText)); skipped", kind: .fileSkipped)])
        }
        let bytes = TextBytes.normalized(text)
        let header: ArticleHeader
        switch ArticleHeader.parse(bytes) {
        case .failure(let problem):
            return FileResult(diagnostics: [.warning(name, "not an article (\(problem.reason)); skipped", kind: .fileSkipped)])
        case .success(let parsed):
            header = parsed
        }
        var result = makeArticle(header, bytes: bytes, fileSize: fileSize, file: file)
        if let encoding {
            result.article?.textEncoding = encoding
            // A whole archive in GBK is reported once, with a count.
            result.diagnostics.insert(Diagnostic(file: name, "not UTF-8: read as \(encoding)",
                                                 cause: "files not in UTF-8, read as \(encoding)"), at: 0)
        }
        return result
    }

    private func makeArticle(_ header: ArticleHeader, bytes: [UInt8], fileSize: Int, file: SourceFile) -> FileResult {
        var result = FileResult(diagnostics: header.notes.map { .warning(file.displayName, $0) })
        var title = TitleLink.headline(header.rawTitle)
        if title.isEmpty {
            title = (file.url.lastPathComponent as NSString).deletingPathExtension
            result.diagnostics.append(.warning(file.displayName, "empty title; the file name is used instead"))
        }
        let zone = zonelessTimeZone
            ?? (HeaderText.containsHan(title) ? DateLineParser.chineseFeedTimeZone : Self.utc)

        var body = bytes[header.bodyStart..<min(bytes.count, header.bodyStart + Self.dateLineWindow)]
        if header.isJekyllPost { body = JekyllBody.skippingOpeningDiv(body) }
        let dateLine = DateLineParser.leadingDateLine(body, zonelessTimeZone: zone)

        let instant = header.epochInstant
            ?? header.writtenDate?.instant(zonelessTimeZone: zone)
            ?? dateLine?.instant
        if let instant {
            if let doubt = Self.implausibility(of: instant, now: now) { result.diagnostics.append(.warning(file.displayName, doubt)) }
        } else {
            result.diagnostics.append(.warning(file.displayName, "undated: no epoch line, header date or body date line; put in the Undated chapter"))
        }
        let author = (header.author ?? dateLine?.author)?.removingControlCharacters()
        result.article = Article(origin: file, title: title, url: header.url, instant: instant, author: author,
                                 bodyBytes: max(0, fileSize - header.bodyStart))
        return result
    }

    /// News archives begin with the web: an instant before 1990, or more
    /// than a day after "now", is kept as written but said to look wrong.
    static func implausibility(of instant: Date, now: Date) -> String? {
        let earliest = Date(timeIntervalSince1970: 631_152_000)  // 1990-01-01T00:00:00Z
        guard instant < earliest || instant > now.addingTimeInterval(86_400) else { return nil }
        let day = W3CDateTime.day(instant, timeZone: utc)
        return "dated \(day), which looks implausible (\(instant < earliest ? "before 1990" : "in the future")); the date is used as written"
    }
}

/// Lets concurrent tasks fill distinct slots of one buffer.
extension ArticleHeader.Problem {
    var reason: String {
        switch self {
        case .noTitleLink: return "no [title](url) link at the top"
        case .unclosedFrontMatter: return "front matter is never closed by ---"
        }
    }
}
