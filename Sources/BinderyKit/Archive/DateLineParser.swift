import Foundation

/// Recognises the date line that opens many article bodies (FORMAT.md,
/// "Date line variants"): `<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div>`,
/// `<div><i>AUTHOR<br>2024-01-19T21:23:59+08:00</i></div>`,
/// `<div><i>2020年 6月 27日</i></div>`, `<div>19/01/2024 - 21:23</div>`,
/// or an empty `<div></div>`.
///
/// The archive reader uses it for the instant of articles without an epoch
/// line; the Markup cleaner uses it to drop that line from the body.
public enum DateLineParser {
    /// UTC+8, the civil time of the Chinese-language feeds in the archives
    /// (China, Taiwan, Hong Kong, Singapore): the zone assumed for a date
    /// written without one in a Chinese-language article.
    public static let chineseFeedTimeZone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// Reads the text of a date line: the element's text with each `<br>`
    /// given as a line break and entities already decoded.
    ///
    /// Returns `nil` when the text is not a date line (so it must stay in the
    /// body); `(nil, nil)` for an empty (whitespace-only) line; otherwise the
    /// instant and, for the `AUTHOR<br>DATE` form, the author. A date without
    /// a zone is read in `zonelessTimeZone`.
    public static func parse(_ text: String, zonelessTimeZone: TimeZone = chineseFeedTimeZone) -> (instant: Date?, author: String?)? {
        // Split on the bytes: every article's date line comes through here,
        // twice (the scan, then cleaning), and splitting by Character costs
        // more than the rest of the parse.
        let lines = text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D })
            .map { String(Substring($0)).collapsingWhitespace() }
            .filter { !$0.isEmpty }
        guard let last = lines.last else { return (nil, nil) }
        guard let written = WrittenDateParser.parse(last) else { return nil }
        let author = lines.dropLast().joined(separator: " ")
        return (written.instant(zonelessTimeZone: zonelessTimeZone), author.isEmpty ? nil : author)
    }

    /// Finds a date line at the very start of `html` (leading whitespace
    /// allowed). Returns what it holds and the number of UTF-8 bytes it spans
    /// (up to and including its `</div>`), so a caller can cut it off:
    /// `String(html.utf8.dropFirst(length))`. `nil` when the body does not
    /// start with a date line.
    public static func leadingDateLine(in html: String, zonelessTimeZone: TimeZone = chineseFeedTimeZone)
        -> (instant: Date?, author: String?, length: Int)? {
        let bytes = Array(html.utf8.prefix(maximumLineBytes + 16))
        guard let line = leadingDateLine(bytes[...], zonelessTimeZone: zonelessTimeZone) else { return nil }
        return (line.instant, line.author, line.length)
    }

    /// A date line is short; anything longer is ordinary content.
    static let maximumLineBytes = 512

    struct Found {
        var instant: Date?
        var author: String?
        var length: Int
    }

    /// The byte-level work behind `leadingDateLine(in:)`; `length` counts
    /// from `bytes.startIndex`.
    static func leadingDateLine(_ bytes: ArraySlice<UInt8>, zonelessTimeZone: TimeZone) -> Found? {
        guard let (text, end) = leadingDivText(bytes),
              let parsed = parse(HTMLEntities.decode(text), zonelessTimeZone: zonelessTimeZone) else { return nil }
        return Found(instant: parsed.instant, author: parsed.author, length: end - bytes.startIndex)
    }

    /// The elements a date line's text may sit in (besides `<br>`, which
    /// separates an author from the date): phrasing that only styles it.
    static let wrappers: Set<String> = ["i", "em", "b", "strong", "span", "time", "small", "font"]

    /// The text of a leading `<div>` that holds only text, `<br>` and
    /// `wrappers`, and the index just after its `</div>`.
    static func leadingDivText(_ bytes: ArraySlice<UInt8>) -> (String, Int)? {
        var i = bytes.startIndex
        let end = min(bytes.endIndex, bytes.startIndex + maximumLineBytes)
        while i < end, bytes[i].isHTMLSpace { i += 1 }
        guard let afterOpen = tag(bytes, at: i, end: end), afterOpen.name == "div", !afterOpen.closing else { return nil }
        i = afterOpen.end
        var text = [UInt8]()
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                guard let t = tag(bytes, at: i, end: end) else { return nil }
                switch t.name {
                case "div":
                    guard t.closing else { return nil }
                    return (String(decoding: text, as: UTF8.self), t.end)
                case "br":
                    text.append(10)
                case _ where wrappers.contains(t.name):
                    break
                default:
                    return nil
                }
                i = t.end
            } else {
                text.append(b)
                i += 1
            }
        }
        return nil
    }

    /// A tag at `i`: its lower-cased name, whether it closes, and the index after `>`.
    private static func tag(_ bytes: ArraySlice<UInt8>, at start: Int, end: Int) -> (name: String, closing: Bool, end: Int)? {
        var i = start
        guard i < end, bytes[i] == UInt8(ascii: "<") else { return nil }
        i += 1
        let closing = i < end && bytes[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        let nameStart = i
        while i < end, isLetterOrDigit(bytes[i]) { i += 1 }
        guard i > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<i].map { $0 | 0x20 }, as: UTF8.self)
        // Skip attributes, honouring quotes.
        var quote: UInt8?
        while i < end {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return (name, closing, i + 1)
            }
            i += 1
        }
        return nil
    }

    private static func isLetterOrDigit(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return (lower >= 97 && lower <= 122) || (b >= 48 && b <= 57)
    }
}
