import Foundation

/// What the lines before an article's body say (FORMAT.md, "Layout of one
/// file" and "Header variants").
struct ArticleHeader {
    /// The headline as written: entities not yet decoded.
    var rawTitle: String = ""
    var url: URL?
    /// From `<!--EPOCH_MS-->`.
    var epochInstant: Date?
    /// From a `日期：` line or the front matter's `date`.
    var writtenDate: WrittenDate?
    var author: String?
    /// Index of the body's first byte in the normalised bytes.
    var bodyStart: Int = 0
    /// A Jekyll post: its body is wrapped in `<div>…</div>`.
    var isJekyllPost = false
    /// What was odd but not fatal (an epoch line that is no usable epoch):
    /// the reader reports these as warnings.
    var notes: [String] = []

    enum Problem: Error, Equatable {
        case noTitleLink
        case unclosedFrontMatter
    }

    /// How many lines a title may span before the underline.
    private static let maximumTitleLines = 30

    /// What a parse is for.
    enum Purpose {
        /// Everything the header says (the scan).
        case header
        /// Only where the body starts (reading the body after the scan): the
        /// title link, URL, dates and author are passed over unread, their
        /// lines consumed as by a whole parse. The URL alone cost more than
        /// the rest of the header.
        case bodyStart
    }

    /// Parses the header of `bytes` (BOM dropped, line ends LF).
    static func parse(_ bytes: [UInt8], for purpose: Purpose = .header) -> Result<ArticleHeader, Problem> {
        let wholeHeader = purpose == .header
        var header = ArticleHeader()
        var lines = LineCursor(bytes[...])
        lines.skipBlankLines()

        // Only short lines are ever taken whole: the body is often one line of
        // many kilobytes, and is looked at only through its first bytes.
        if lines.startsWith(fence), let first = lines.peek(), TextBytes.isBlank(first.dropFirst(3)) {
            guard let (matter, end) = FrontMatter.parse(bytes[lines.position...]) else { return .failure(.unclosedFrontMatter) }
            header.isJekyllPost = true
            header.rawTitle = matter.values["title"] ?? ""
            if wholeHeader {
                if let link = matter.values["link"] ?? matter.values["url"] ?? matter.values["original_link"] {
                    header.url = TitleLink.url(Array(link.utf8)[...])
                }
                if let date = matter.values["date"] { header.writtenDate = WrittenDateParser.parse(date) }
                if let author = matter.values["author"], !author.isEmpty { header.author = author }
            }
            lines.position = end
            lines.skipBlankLines()
        }

        // The epoch line. A comment that holds no usable epoch is passed
        // over: the date then comes from a date line, as without the line.
        if lines.startsWith(commentOpening), let line = lines.peek(), isCommentLine(line) {
            if let epoch = epochMilliseconds(line) {
                header.epochInstant = Date(timeIntervalSince1970: epoch)
            } else {
                header.notes.append("the first line \(TextBytes.string(line.prefix(60)).trimmingHTMLWhitespace()) is not a usable epoch "
                                    + "(milliseconds since 1970); ignored, the date comes from the article's date line")
            }
            _ = lines.next()
            lines.skipBlankLines()
        }

        guard lines.startsWith(linkOpening) else {
            // A Jekyll post may carry its title only in the front matter.
            guard header.isJekyllPost, !header.rawTitle.isEmpty else { return .failure(.noTitleLink) }
            header.bodyStart = lines.position
            return .success(header)
        }
        guard let (title, url, afterLink) = titleLink(lines) else { return .failure(.noTitleLink) }
        lines.position = afterLink
        if wholeHeader {
            if header.rawTitle.isEmpty || !header.isJekyllPost { header.rawTitle = TextBytes.string(title) }
            if header.url == nil || !header.isJekyllPost { header.url = TitleLink.url(url) ?? header.url }
        }

        // Lines between the underline and the blank line: `日期：<RFC 822 date>`.
        while dateLabels.contains(where: lines.startsWith), let line = lines.next() {
            if wholeHeader, let written = WrittenDateParser.parse(dateLineValue(line)) { header.writtenDate = written }
        }
        lines.skipBlankLines()
        header.bodyStart = lines.position
        return .success(header)
    }

    /// Reads the title link, with or without an underline. Returns the raw
    /// title text, the URL's bytes and the index after the underline (or the link).
    private static func titleLink(_ start: LineCursor) -> (ArraySlice<UInt8>, ArraySlice<UInt8>, Int)? {
        var lines = start
        guard let first = lines.next() else { return nil }
        // The common case: the link on one line, the underline on the next.
        if let next = lines.peek(), isUnderline(next), let (title, url) = TitleLink.split(first) {
            _ = lines.next()
            return (title, url, lines.position)
        }
        // A title spanning lines: take everything up to the underline.
        var count = 1
        while let line = lines.peek(), count < maximumTitleLines {
            if isUnderline(line) {
                let block = first.startIndex..<line.startIndex
                _ = lines.next()
                guard let (title, url) = TitleLink.split(start.bytes[block]) else { break }
                return (title, url, lines.position)
            }
            _ = lines.next()
            count += 1
        }
        // No underline at all: accept a complete one-line link.
        guard let (title, url) = TitleLink.split(first) else { return nil }
        return (title, url, first.endIndex == start.bytes.endIndex ? first.endIndex : first.endIndex + 1)
    }

    /// A setext underline: a run of `-` or of `=` (CommonMark §4.3), trailing spaces allowed.
    static func isUnderline(_ line: ArraySlice<UInt8>) -> Bool {
        guard let mark = line.first, mark == UInt8(ascii: "-") || mark == UInt8(ascii: "=") else { return false }
        var sawSpace = false
        for b in line {
            if b == 32 || b == 9 { sawSpace = true } else if b != mark || sawSpace { return false }
        }
        return true
    }

    /// A whole line that is one HTML comment, `<!-- … -->`.
    static func isCommentLine(_ line: ArraySlice<UInt8>) -> Bool {
        let text = line.drop(while: \.isHTMLSpace)
        return text.starts(with: commentOpening) && commentText(line) != nil
    }

    /// `<!--1705700343000-->`: milliseconds since 1970 UTC, before 1970 when
    /// negative. A value of ten or eleven digits is taken as seconds: some
    /// archivers wrote those, and as milliseconds it would fall in 1970.
    /// `nil` when the comment holds anything else.
    static func epochMilliseconds(_ line: ArraySlice<UInt8>) -> TimeInterval? {
        guard var digits = commentText(line) else { return nil }
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 16, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let magnitude = digits.reduce(Int64(0)) { $0 * 10 + Int64($1 - 48) }
        guard magnitude > 0 else { return nil }
        let value = TimeInterval(negative ? -magnitude : magnitude)
        return (10...11).contains(digits.count) ? value : value / 1000
    }

    /// What a one-line comment holds, without `<!--`, `-->` and the spaces inside.
    private static func commentText(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var text = line.drop(while: \.isHTMLSpace)
        while let last = text.last, last.isHTMLSpace { text = text.dropLast() }
        guard text.count >= 7, text.starts(with: commentOpening), text.suffix(3).elementsEqual("-->".utf8) else { return nil }
        text = text.dropFirst(4).dropLast(3)
        text = text.drop(while: \.isHTMLSpace)
        while let last = text.last, last.isHTMLSpace { text = text.dropLast() }
        return text
    }

    private static let fence = Array("---".utf8)
    private static let commentOpening = Array("<!--".utf8)
    private static let linkOpening = Array("[".utf8)
    /// Labels of the header date line: `日期：<RFC 822 date>` (also with an
    /// ASCII colon, or in English).
    private static let dateLabels = ["日期：", "日期:", "Date:", "date:"].map { Array($0.utf8) }

    /// The value of a header date line (its label dropped).
    private static func dateLineValue(_ line: ArraySlice<UInt8>) -> String {
        let label = dateLabels.first { line.starts(with: $0) } ?? []
        return TextBytes.string(line.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
    }
}
