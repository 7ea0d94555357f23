import Foundation

/// One archive file for one feed entry, in the layout of FORMAT.md:
///
/// ```
/// <!--EPOCH_MS-->
/// [TITLE](URL)
/// ------
///
/// <div><i>AUTHOR<br>Fri, 19 Jan 2024 21:23:59 GMT</i></div>BODY HTML
/// ```
///
/// and its name, `HOST/YYYY-MM-DD_slug_HASH.txt`: the article's host (no
/// `www.`, a port as `_PORT`), the UTC day of its instant, up to 60 bytes of
/// its title (letters and digits of any script, lower-cased, the rest as
/// `-`), and ten hex digits of a hash of the entry's identity and content —
/// so the same entry gets the same name on every run, and a changed entry a
/// new one.
struct ArchiveEntryFile {
    var title: String
    var url: URL?
    /// The epoch line's instant.
    var instant: Date
    /// The publication date for the body's date line (none when the feed gave none).
    var published: Date?
    var author: String?
    /// The entry's HTML, picture included.
    var bodyHTML: String
    /// Set when the body is the article page's main content (`--full-text`).
    var extractedFromPage = false

    /// The label a `--full-text` body carries (a comment: readers drop it,
    /// the file says where its text came from).
    static let fullTextLabel = "<!-- bindery full text: main content extracted from the article page; the feed carries only a summary -->"

    var bytes: Data {
        var text = "<!--\(Self.epochMilliseconds(instant))-->\n"
        // The reader decodes entities in titles, so a literal `&` is written as `&amp;`.
        text += "[\(title.replacingOccurrences(of: "&", with: "&amp;"))](\(Self.linkText(url)))\n------\n\n"
        if let published {
            let date = FeedDate.rfc1123(published)
            let line = author.map { XHTMLSerializer.escaped(($0).collapsingWhitespace(), quote: false) + "<br>" + date } ?? date
            text += "<div><i>\(line)</i></div>"
        }
        if extractedFromPage { text += Self.fullTextLabel }
        text += FeedText.withoutControlCharacters(bodyHTML)
        if !text.hasSuffix("\n") { text += "\n" }
        return Data(text.utf8)
    }

    static func epochMilliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The URL as the title link holds it: parentheses that would not
    /// balance are escaped (the reader finds the URL by its balanced
    /// parentheses), and so are spaces.
    static func linkText(_ url: URL?) -> String {
        guard var text = url?.absoluteString else { return "" }
        var depth = 0
        var balanced = true
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1; if depth < 0 { balanced = false } }
        }
        if !balanced || depth != 0 {
            text = text.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
        }
        return text.replacingOccurrences(of: " ", with: "%20")
    }

    /// `HOST/YYYY-MM-DD_slug_HASH.txt`, relative to the archive folder.
    static func relativePath(host: String, instant: Date, title: String, identity: String, contentHash: String) -> String {
        let hash = SHA256.hexDigest(identity + "\n" + contentHash).prefix(10)
        return folderName(host) + "/" + FeedDate.utcDay(instant) + "_" + slug(title) + "_" + hash + ".txt"
    }

    /// A host as a folder name: lower-cased, no `www.`, `:` (not allowed on
    /// Windows) as `_`, anything unusual as `_`.
    static func folderName(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("www.") { name.removeFirst(4) }
        let safe = String(name.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-")
            return ok ? Character(scalar) : "_"
        })
        let trimmed = safe.trimmingCharacters(in: CharacterSet(charactersIn: "._"))
        return trimmed.isEmpty ? "feed" : trimmed
    }

    /// Up to 60 bytes of the title's letters and digits, lower-cased, other
    /// runs as one `-`; `entry` when nothing is left.
    static func slug(_ title: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in title.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            let keep = scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
            if keep && !(0xD800...0xDFFF).contains(scalar.value) && scalar.properties.generalCategory != .otherSymbol {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        let whole = out
        out = NoteFileName.truncate(out, toBytes: 60)
        // Cut between words when a word was cut.
        if out != whole, let dash = out.lastIndex(of: "-"), out.distance(from: out.startIndex, to: dash) > 20,
           whole[whole.index(whole.startIndex, offsetBy: out.count)] != "-" {
            out = String(out[..<dash])
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "entry" : out
    }
}
