import Foundation

/// What the lines before an article's body say (FORMAT.md, "Layout of one
/// file" and "Header variants").
struct ArticleHeader {
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

    enum Problem: Error, Equatable {
        case noTitleLink
        case unclosedFrontMatter
    }

    /// How many lines a title may span before the underline.
    private static let maximumTitleLines = 30

    /// Parses the header of `bytes` (BOM dropped, line ends LF).
    static func parse(_ bytes: [UInt8]) -> Result<ArticleHeader, Problem> {
        var header = ArticleHeader()
        var lines = LineCursor(bytes[...])
        skipBlankLines(&lines)

        if let first = lines.peek(), first.elementsEqual("---".utf8) || first.starts(with: "---".utf8) && TextBytes.isBlank(first.dropFirst(3)) {
            guard let (matter, end) = FrontMatter.parse(bytes[lines.position...]) else { return .failure(.unclosedFrontMatter) }
            header.isJekyllPost = true
            header.rawTitle = matter.values["title"] ?? ""
            if let link = matter.values["link"] ?? matter.values["url"] ?? matter.values["original_link"] {
                header.url = TitleLink.url(Array(link.utf8)[...])
            }
            if let date = matter.values["date"] { header.writtenDate = WrittenDateParser.parse(date) }
            if let author = matter.values["author"], !author.isEmpty { header.author = author }
            lines.position = end
            skipBlankLines(&lines)
        }

        if let line = lines.peek(), let epoch = epochMilliseconds(line) {
            header.epochInstant = Date(timeIntervalSince1970: epoch)
            _ = lines.next()
            skipBlankLines(&lines)
        }

        guard let titleLine = lines.peek(), titleLine.first == UInt8(ascii: "[") else {
            // A Jekyll post may carry its title only in the front matter.
            guard header.isJekyllPost, !header.rawTitle.isEmpty else { return .failure(.noTitleLink) }
            header.bodyStart = lines.position
            return .success(header)
        }
        guard let (title, url, afterLink) = titleLink(lines) else { return .failure(.noTitleLink) }
        lines.position = afterLink
        if header.rawTitle.isEmpty || !header.isJekyllPost { header.rawTitle = title }
        if header.url == nil || !header.isJekyllPost { header.url = url ?? header.url }

        // Lines between the underline and the blank line: `日期：<RFC 822 date>`.
        while let line = lines.peek(), !TextBytes.isBlank(line), let date = dateLineValue(line) {
            _ = lines.next()
            if let written = WrittenDateParser.parse(date) { header.writtenDate = written }
        }
        skipBlankLines(&lines)
        header.bodyStart = lines.position
        return .success(header)
    }

    /// Reads the title link, with or without an underline. Returns the raw
    /// title text, the URL and the index after the underline (or the link).
    private static func titleLink(_ start: LineCursor) -> (String, URL?, Int)? {
        var lines = start
        guard let first = lines.next() else { return nil }
        // The common case: the link on one line, the underline on the next.
        if let next = lines.peek(), isUnderline(next), let (title, url) = TitleLink.split(first) {
            _ = lines.next()
            return (TitleLink.title(title), TitleLink.url(url), lines.position)
        }
        // A title spanning lines: take everything up to the underline.
        var count = 1
        while let line = lines.peek(), count < maximumTitleLines {
            if isUnderline(line) {
                let block = first.startIndex..<line.startIndex
                _ = lines.next()
                guard let (title, url) = TitleLink.split(start.bytes[block]) else { break }
                return (TitleLink.title(title), TitleLink.url(url), lines.position)
            }
            _ = lines.next()
            count += 1
        }
        // No underline at all: accept a complete one-line link.
        guard let (title, url) = TitleLink.split(first) else { return nil }
        return (TitleLink.title(title), TitleLink.url(url), first.endIndex == start.bytes.endIndex ? first.endIndex : first.endIndex + 1)
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

    /// `<!--1705700343000-->`: milliseconds since 1970 UTC. A value of
    /// eleven digits or fewer is taken as seconds (some archivers wrote those).
    static func epochMilliseconds(_ line: ArraySlice<UInt8>) -> TimeInterval? {
        let text = TextBytes.string(line).trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("<!--"), text.hasSuffix("-->"), text.count > 7 else { return nil }
        let digits = text.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.count <= 16, digits.allSatisfy(\.isASCII), let value = Int64(digits), value > 0 else { return nil }
        return digits.count <= 11 ? TimeInterval(value) : TimeInterval(value) / 1000
    }

    /// The value of a `日期：…` (or `日期:`, `Date:`) line.
    private static func dateLineValue(_ line: ArraySlice<UInt8>) -> String? {
        let text = TextBytes.string(line).trimmingCharacters(in: .whitespaces)
        for label in ["日期：", "日期:", "Date:", "date:"] where text.hasPrefix(label) {
            return text.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    private static func skipBlankLines(_ lines: inout LineCursor) {
        while let line = lines.peek(), TextBytes.isBlank(line) {
            _ = lines.next()
        }
    }
}
