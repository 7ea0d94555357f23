import Foundation

/// The `[TITLE](URL)` link that heads an article (FORMAT.md, line 2).
///
/// Titles may hold brackets of their own (`[[视频]Title](url)`), even
/// unbalanced ones, and line breaks; URLs may hold parentheses. So the link
/// is read from the end: the URL is the balanced `( … )` group that closes
/// the block, and the title is everything between the first `[` and the `]`
/// just before that group.
enum TitleLink {
    /// `block` is the header text from the opening `[` to the end of the
    /// link (line breaks already LF). Returns the raw title and URL text.
    static func split(_ block: ArraySlice<UInt8>) -> (title: ArraySlice<UInt8>, url: ArraySlice<UInt8>)? {
        var end = block.endIndex
        while end > block.startIndex, block[end - 1].isHTMLSpace { end -= 1 }
        var start = block.startIndex
        while start < end, block[start].isHTMLSpace { start += 1 }
        guard end - start >= 4, block[start] == UInt8(ascii: "["), block[end - 1] == UInt8(ascii: ")") else { return nil }

        // Walk back from the final ')' to its matching '(' preceded by ']'.
        var depth = 0
        var i = end - 1
        var open: Int?
        while i > start {
            let b = block[i]
            if b == UInt8(ascii: ")") {
                depth += 1
            } else if b == UInt8(ascii: "(") {
                depth -= 1
                if depth == 0 {
                    if block[i - 1] == UInt8(ascii: "]") { open = i; break }
                    // An unbalanced '(' inside the URL: keep looking for "](".
                    depth = 1
                }
            } else if b == 10 {
                break // a URL never spans lines
            }
            i -= 1
        }
        if open == nil {
            // Unbalanced parentheses: fall back to the last "](" on the line.
            var k = end - 2
            while k > start {
                if block[k] == UInt8(ascii: "("), block[k - 1] == UInt8(ascii: "]") { open = k; break }
                if block[k] == 10 { break }
                k -= 1
            }
        }
        guard let open else { return nil }
        return (block[(start + 1)..<(open - 1)], block[(open + 1)..<(end - 1)])
    }

    /// The headline: entities decoded, whitespace (and line breaks) collapsed.
    static func headline(_ raw: String) -> String {
        HTMLEntities.decode(raw).collapsingWhitespace()
    }

    /// The article URL. Entities are decoded (`&amp;`), a Markdown `<…>`
    /// wrapper and an optional `"title"` are dropped, and a doubled slash
    /// right after the host (a common archiver slip) is made single so that
    /// the same article compares equal however it was written.
    static func url(_ raw: ArraySlice<UInt8>) -> URL? {
        var bytes = raw.drop(while: \.isHTMLSpace)
        while let last = bytes.last, last.isHTMLSpace { bytes = bytes.dropLast() }
        if bytes.first == UInt8(ascii: "<"), let close = bytes.firstIndex(of: UInt8(ascii: ">")) {
            bytes = bytes[(bytes.startIndex + 1)..<close]
        } else if let space = bytes.firstIndex(of: 32) {
            bytes = bytes[..<space]
        }
        guard !bytes.isEmpty else { return nil }
        var text = Array(bytes)
        if bytes.contains(UInt8(ascii: "&")) { text = Array(HTMLEntities.decode(TextBytes.string(bytes)).utf8) }
        if text.starts(with: "//".utf8) { text = Array("https:".utf8) + text }
        if let hostStart = endOfScheme(text), let slash = text[hostStart...].firstIndex(of: UInt8(ascii: "/")) {
            var rest = text[slash...]
            while rest.starts(with: "//".utf8) { rest = rest.dropFirst() }
            text = Array(text[..<slash]) + rest
        }
        // Encoded here, as little as needed: Foundation would re-encode every
        // `%` of a URL it finds invalid, and the article would lose its address.
        guard let mended = WebURL.withValidHost(WebURL.percentEncoded(TextBytes.string(text))),
              let url = URL(string: mended), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else { return nil }
        return url
    }

    /// The index after `://`, if the text starts with a scheme.
    private static func endOfScheme(_ text: [UInt8]) -> Int? {
        var i = 0
        while i < text.count, i < 16 {
            let b = text[i] | 0x20
            if b >= 97 && b <= 122 { i += 1; continue }
            break
        }
        guard i > 0, text[i...].starts(with: "://".utf8) else { return nil }
        return i + 3
    }
}
