import Foundation

/// Turns what feeds hold into what the archive holds: plain-text titles,
/// HTML bodies with absolute links.
enum FeedText {
    /// A title as one line of plain text. `isHTML` says the feed declared
    /// it HTML (Atom `type="html"`); `nil` means "guess", as RSS needs —
    /// its titles are plain text by the spec and escaped HTML in practice.
    static func title(_ raw: String?, isHTML: Bool?) -> String? {
        guard let raw else { return nil }
        let html = isHTML ?? looksLikeHTML(raw)
        let text = html ? HTMLParser.parseFragment(raw).textContent : raw
        let line = (withoutControlCharacters(text)).collapsingWhitespace()
        return line.isEmpty ? nil : line
    }

    /// Tags (`<b>`, `</i>`, `<br/>`, `<!--`) or character references.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for (i, b) in bytes.enumerated() where i + 1 < bytes.count {
            let next = bytes[i + 1]
            if b == UInt8(ascii: "<"), (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") {
                return true
            }
            if b == UInt8(ascii: "&"), let semicolon = bytes[(i + 1)...].prefix(12).firstIndex(of: UInt8(ascii: ";")), semicolon > i + 1,
               bytes[(i + 1)..<semicolon].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "#") }) {
                return true
            }
        }
        return false
    }

    /// Plain text as HTML: escaped, blank lines as paragraphs, single line
    /// breaks as `<br />`.
    static func html(fromText text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let paragraphs = normalized.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        return paragraphs.map { paragraph in
            "<p>" + paragraph.split(separator: "\n", omittingEmptySubsequences: false)
                .map { XHTMLSerializer.escaped(String($0), quote: false) }.joined(separator: "<br />") + "</p>"
        }.joined()
    }

    /// Text without the control characters an archive file must not hold
    /// (a NUL makes the reader take the file for binary data).
    static func withoutControlCharacters(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r"
        }))
    }

    /// The first words of an HTML body, for an entry that has no title.
    static func excerpt(ofHTML html: String, maximumCharacters: Int = 80) -> String? {
        let text = (HTMLParser.parseFragment(html).textContent).collapsingWhitespace()
        guard !text.isEmpty else { return nil }
        guard text.count > maximumCharacters else { return text }
        var cut = String(text.prefix(maximumCharacters))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > maximumCharacters / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }
}

extension FeedText {
    /// The content of an element as HTML: its text when it holds only text
    /// (escaped HTML or CDATA, the usual case), else its child elements
    /// serialized (Atom `xhtml` content, or HTML a feed forgot to escape).
    static func innerHTML(of element: XMLElementNode) -> String {
        guard element.children.contains(where: { if case .element = $0 { return true } else { return false } }) else {
            return element.text
        }
        return XHTMLSerializer.serialize(element.children.map(htmlNode))
    }

    private static func htmlNode(_ child: XMLChild) -> Node {
        switch child {
        case .text(let text):
            return .text(text)
        case .element(let element):
            let attributes = element.attributes.filter { $0.namespace == nil }.map { Attribute($0.name.lowercased(), $0.value) }
            return .element(Element(element.name.lowercased(), attributes: attributes, children: element.children.map(htmlNode)))
        }
    }
}
