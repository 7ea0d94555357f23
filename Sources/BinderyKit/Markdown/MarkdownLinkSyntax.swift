/// Link destinations, autolinks and code spans (CommonMark §6.1, §6.3, §6.5).
enum MarkdownLinkSyntax {
    /// Links a note can follow: web and mail addresses. Fragments (`#id`)
    /// point at ids Markdown does not keep; anything else is not a link the
    /// cleaner lets through.
    static func isLinkable(_ href: String) -> Bool {
        ["http", "https", "mailto", "ftp"].contains(URIScheme.of(href))
    }

    /// Where a picture points in the note, or `nil` when it is not shown.
    static func imageDestination(_ picture: Picture, images: MarkdownImageMode) -> String? {
        switch (images, picture.binding) {
        case (.none, _), (_, .missing):
            return nil
        case (.attachments, .bundled(let fileName)):
            return MarkdownExportOptions.attachmentsFolder + "/" + fileName
        case (.attachments, .unbound), (.remote, _):
            // Not bound (or remote wanted): the original works if it is on
            // the web; relative or local sources mean nothing beside a note.
            return URIScheme.isWeb(picture.source) ? picture.source : nil
        }
    }

    /// `<url>` when the link's text is its URL and CommonMark's autolink
    /// grammar (§6.5) can carry it unchanged (no escapes work inside).
    static func autolink(href: String, text: String, hasImage: Bool) -> String? {
        guard !hasImage else { return nil }
        let visible = text.trimmingSpaces()
        guard visible.isEmpty || visible == href else { return nil }
        guard isAutolinkable(href) else { return nil }
        return "<\(href)>"
    }

    private static func isAutolinkable(_ url: String) -> Bool {
        let scalars = Array(url.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), colon >= 2, colon <= 32,
              scalars[0].isASCIILetter,
              scalars[1..<colon].allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "+" || $0 == "." || $0 == "-" })
        else { return false }
        // No spaces, `<`, `>` or controls; `&` and `\` would read differently.
        return !scalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "<" || $0 == ">" || $0 == "\\" || $0 == "&" })
    }

    /// A link destination: bare when it parses back as-is, else in `<…>`
    /// (needed for spaces and unbalanced parentheses, §6.3).
    static func destination(_ url: String) -> String {
        var depth = 0
        var balanced = true
        var needsAngle = url.isEmpty
        // `&` and `\` may need an escape; most URLs have neither and are
        // written as they are. (All the bytes looked at are ASCII.)
        var asWritten = true
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth < 0 { balanced = false }
            case UInt8(ascii: "<"), UInt8(ascii: ">"): needsAngle = true
            case UInt8(ascii: "&"), UInt8(ascii: "\\"): asWritten = false
            default:
                if byte <= 0x20 || byte == 0x7F { needsAngle = true }
            }
        }
        if depth != 0 { balanced = false }
        if asWritten && !needsAngle && balanced { return url }
        let scalars = Array(url.unicodeScalars)
        var out = String.UnicodeScalarView()
        if needsAngle || !balanced { out.append("<") }
        // An entity in a destination is decoded (§6.3), and cmark-gfm
        // ignores a backslash before `&`: percent-encode the letter or digit
        // that makes it an entity instead (the same URL, RFC 3986 §6.2.2.2).
        var percentEncode = Set<Int>()
        for (index, scalar) in scalars.enumerated() where scalar == "&" && MarkdownEntity.startsEntity(scalars, at: index) {
            percentEncode.insert(scalars[index + 1] == "#" ? index + 2 : index + 1)
        }
        for (index, scalar) in scalars.enumerated() {
            if percentEncode.contains(index) {
                out.append(contentsOf: "%\(String(scalar.value, radix: 16, uppercase: true))".unicodeScalars)
                continue
            }
            switch scalar {
            case "\n": out.append(contentsOf: "%0A".unicodeScalars)
            case "\r": out.append(contentsOf: "%0D".unicodeScalars)
            case "<", ">":
                out.append("\\")
                out.append(scalar)
            case "\\":
                if index + 1 < scalars.count, scalars[index + 1].isASCIIPunctuation { out.append("\\") }
                out.append(scalar)
            default:
                out.append(scalar)
            }
        }
        if needsAngle || !balanced { out.append(">") }
        return String(out)
    }

    /// A code span whose backtick fence is longer than any run inside, padded
    /// with spaces where the content's edges would otherwise be lost (§6.1).
    static func codeSpan(_ content: String, escapingPipes: Bool) -> String {
        let fence = String(repeating: "`", count: longestBacktickRun(in: content) + 1)
        let first = content.unicodeScalars.first
        let last = content.unicodeScalars.last
        let pad = first == "`" || last == "`" || (first == " " && last == " ")
        var body = content
        if escapingPipes {
            // GFM tables split cells before parsing code spans (GFM §4.10).
            body = body.replacingOccurrences(of: "|", with: "\\|")
        }
        return pad ? "\(fence) \(body) \(fence)" : "\(fence)\(body)\(fence)"
    }
}

/// The longest run of backticks in `text`: a code fence or span must be
/// longer to hold it (§4.5, §6.1).
func longestBacktickRun(in text: String) -> Int {
    var longest = 0
    var run = 0
    for byte in text.utf8 {
        if byte == UInt8(ascii: "`") {
            run += 1
            longest = max(longest, run)
        } else {
            run = 0
        }
    }
    return longest
}

/// HTML entity and numeric character references (CommonMark §6.2).
enum MarkdownEntity {
    /// Whether `scalars[index]` (an `&`) starts something CommonMark would
    /// decode: `&name;`, `&#123;`, `&#x1F;`. Names are checked by shape only,
    /// which errs on the safe side.
    static func startsEntity(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var i = index + 1
        guard i < scalars.count else { return false }
        if scalars[i] == "#" {
            i += 1
            var hex = false
            if i < scalars.count, scalars[i] == "x" || scalars[i] == "X" {
                hex = true
                i += 1
            }
            let start = i
            while i < scalars.count, i - start < 8,
                  scalars[i].isASCIIDigit || (hex && scalars[i].properties.isASCIIHexDigit) {
                i += 1
            }
            let digits = i - start
            return digits >= 1 && digits <= (hex ? 6 : 7) && i < scalars.count && scalars[i] == ";"
        }
        guard scalars[i].isASCIILetter else { return false }
        let start = i
        while i < scalars.count, i - start < 32, scalars[i].isASCIILetter || scalars[i].isASCIIDigit { i += 1 }
        return i < scalars.count && scalars[i] == ";"
    }
}
