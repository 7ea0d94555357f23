import Foundation

/// Decides whether an SVG document may go into a book.
///
/// EPUB 3.3 (section 6.1.4 / 6.3.2) allows scripted SVG only when declared,
/// and a book must not reach outside itself (core media must be in the
/// container). Rather than sanitize, Bindery accepts an SVG only when it is
/// self-contained and inert: no `<script>`, no `on…=` event handlers, no
/// `<foreignObject>`, no `javascript:`, no references other than `#fragment`s
/// (`href`, `xlink:href`, `url(…)`, CSS `@import`), no `<!ENTITY`
/// declarations and no `<?xml-stylesheet?>`. Everything else is refused.
enum SVGSafety {
    /// True when the bytes are UTF-8 text whose first element is `<svg`
    /// (after an optional BOM, XML declaration, comments and doctype).
    static func isSVG(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        // Only the prolog is scanned; a document that starts with something
        // else within its first 4 KB is not an SVG file.
        let limit = min(n, 4096)
        while i < limit {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { i += 1; continue }
            guard byte == UInt8(ascii: "<") else { return false }
            if matches(bytes, at: i, "<svg") {
                let next = i + 4 < n ? bytes[i + 4] : 0
                return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
            }
            let terminator: String
            if matches(bytes, at: i, "<?") { terminator = "?>" }
            else if matches(bytes, at: i, "<!--") { terminator = "-->" }
            else if matches(bytes, at: i, "<!doctype") { terminator = ">" }
            else { return false }
            guard let end = find(bytes, terminator, from: i + 2, limit: limit) else { return false }
            i = end + terminator.utf8.count
        }
        return false
    }

    /// True when nothing in the document can run code or fetch anything.
    static func isSafe(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard String(validating: bytes, as: UTF8.self) != nil else { return false }
        let text = bytes.map(\.asciiLowercased)
        for forbidden in ["<script", "foreignobject", "javascript:", "<!entity", "<?xml-stylesheet", "@import"] {
            if contains(text, forbidden) { return false }
        }
        return !hasEventHandler(text) && !hasExternalReference(text)
    }

    // MARK: - Scanning helpers (ASCII, case-folded once)

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    /// `on…=` after whitespace, `/` or a quote: an event-handler attribute
    /// (SVG 2, 15.2); browsers accept `<svg/onload=…>` and `x="1"onload=…`.
    private static func hasEventHandler(_ text: [UInt8]) -> Bool {
        var i = 1
        while i + 2 < text.count {
            if text[i] == UInt8(ascii: "o"), text[i + 1] == UInt8(ascii: "n"),
               text[i - 1].isHTMLSpace || text[i - 1] == UInt8(ascii: "/") || text[i - 1] == UInt8(ascii: "\"") || text[i - 1] == UInt8(ascii: "'") {
                var j = i + 2
                while j < text.count, isNameByte(text[j]) { j += 1 }
                while j < text.count, text[j].isHTMLSpace { j += 1 }
                if j > i + 2, j < text.count, text[j] == UInt8(ascii: "=") { return true }
            }
            i += 1
        }
        return false
    }

    /// Any `href=` (including `xlink:href`) or `url(` whose target is not a
    /// local `#fragment`.
    private static func hasExternalReference(_ text: [UInt8]) -> Bool {
        var i = 0
        while i < text.count {
            if matches(text, at: i, "href"), i == 0 || !isNameByte(text[i - 1]) || text[i - 1] == UInt8(ascii: ":") {
                var j = i + 4
                while j < text.count, text[j].isHTMLSpace { j += 1 }
                if j < text.count, text[j] == UInt8(ascii: "=") {
                    if !targetIsFragment(text, from: j + 1) { return true }
                }
            } else if matches(text, at: i, "url(") {
                if !targetIsFragment(text, from: i + 4) { return true }
            }
            i += 1
        }
        return false
    }

    private static func targetIsFragment(_ text: [UInt8], from start: Int) -> Bool {
        var j = start
        while j < text.count, text[j].isHTMLSpace || text[j] == UInt8(ascii: "\"") || text[j] == UInt8(ascii: "'") { j += 1 }
        return j < text.count && text[j] == UInt8(ascii: "#")
    }

    private static func contains(_ text: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard text.count >= pattern.count, let first = pattern.first else { return false }
        var i = 0
        let last = text.count - pattern.count
        while i <= last {
            if text[i] == first, matches(text, at: i, needle) { return true }
            i += 1
        }
        return false
    }

    private static func matches(_ text: [UInt8], at offset: Int, _ needle: String) -> Bool {
        var k = offset
        for byte in needle.utf8 {
            guard k < text.count, text[k] == byte else { return false }
            k += 1
        }
        return true
    }

    private static func matches(_ bytes: UnsafeRawBufferPointer, at offset: Int, _ needle: String) -> Bool {
        var k = offset
        for byte in needle.utf8 {
            guard k < bytes.count, bytes[k].asciiLowercased == byte else { return false }
            k += 1
        }
        return true
    }

    private static func find(_ bytes: UnsafeRawBufferPointer, _ needle: String, from start: Int, limit: Int) -> Int? {
        var i = start
        while i < limit {
            if matches(bytes, at: i, needle) { return i }
            i += 1
        }
        return nil
    }
}
