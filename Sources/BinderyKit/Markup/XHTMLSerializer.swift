/// Writes a `Node` tree as XHTML (the XML serialization of HTML).
///
/// Text and attribute values are escaped for XML; void elements are written
/// self-closed; nothing is pretty-printed, so whitespace is preserved as is.
public enum XHTMLSerializer {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    public static func serialize(_ nodes: [Node]) -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(nodes, into: &out)
        return out
    }

    public static func write(_ nodes: [Node], into out: inout String) {
        for node in nodes { write(node, into: &out) }
    }

    public static func write(_ node: Node, into out: inout String) {
        switch node {
        case .text(let text):
            appendEscaped(text, into: &out, quote: false)
        case .element(let element):
            out += "<"
            out += element.name
            for attribute in element.attributes {
                out += " "
                out += attribute.name
                out += "=\""
                appendEscaped(attribute.value, into: &out, quote: true)
                out += "\""
            }
            if element.children.isEmpty && voidElements.contains(element.name) {
                out += "/>"
                return
            }
            out += ">"
            write(element.children, into: &out)
            out += "</"
            out += element.name
            out += ">"
        }
    }

    /// Escapes `&`, `<`, `>` (and `"` in attributes) and drops characters XML 1.0 forbids.
    ///
    /// Works on UTF-8 bytes and copies runs that need nothing in one go: this
    /// is the innermost loop of every export.
    public static func appendEscaped(_ text: String, into out: inout String, quote: Bool) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush(to end: Int) {
                if end > runStart {
                    out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self)
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var replacement: String?
                var skip = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quote: replacement = "&quot;"
                case 0x09, 0x0A, 0x0D: break
                case 0..<0x20, 0x7F: replacement = "" // C0 controls; DEL is allowed but useless in text
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    replacement = "" // C1 controls: legal XML, but never text (HTML: "control" code points)
                    skip = 2
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                    replacement = "" // U+FFFE, U+FFFF: not XML characters
                    skip = 3
                default: break
                }
                if let replacement {
                    flush(to: index)
                    out += replacement
                    index += skip
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush(to: index)
        }
    }

    public static func escaped(_ text: String, quote: Bool = true) -> String {
        var out = ""
        appendEscaped(text, into: &out, quote: quote)
        return out
    }
}
