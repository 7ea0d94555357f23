/// Writes a `Node` tree as XHTML (the XML serialization of HTML).
///
/// Text and attribute values are escaped for XML; void elements are written
/// self-closed; nothing is pretty-printed, so whitespace is preserved as is.
public enum XHTMLSerializer {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    public static func serialize(_ nodes: [Node]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(nodes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the nodes' XHTML as UTF-8 (bytes, not a `String`: appending
    /// many short pieces to a `String` costs hundreds of instructions each).
    public static func write(_ nodes: [Node], into out: inout [UInt8]) {
        for node in nodes { write(node, into: &out) }
    }

    public static func write(_ node: Node, into out: inout [UInt8]) {
        write(node, into: &out, closingEveryEmptyElement: false)
    }

    /// `closingEveryEmptyElement`: plain XML documents (package, NCX)
    /// self-close every empty element; XHTML only void ones (`<p/>` would
    /// open a paragraph in an HTML reader).
    ///
    /// `indentedFrom`: the node's depth when elements that hold only
    /// elements get each child on a line of its own, indented two spaces a
    /// level (`XMLTree.indented`, without making the indented copy of a tree
    /// that, for an NCX, lists ten thousand articles).
    static func write(_ node: Node, into out: inout [UInt8], closingEveryEmptyElement: Bool, indentedFrom depth: Int? = nil) {
        if let depth, case .element(let element) = node, !element.children.isEmpty,
           element.children.allSatisfy({ $0.element != nil }) {
            writeStartTag(element, into: &out)
            out.append(UInt8(ascii: ">"))
            for child in element.children {
                appendLineBreak(indent: depth + 1, into: &out)
                write(child, into: &out, closingEveryEmptyElement: closingEveryEmptyElement, indentedFrom: depth + 1)
            }
            appendLineBreak(indent: depth, into: &out)
            writeEndTag(element, into: &out)
            return
        }
        switch node {
        case .text(let text):
            appendEscaped(text, into: &out, quote: false)
        case .element(let element):
            writeStartTag(element, into: &out)
            if element.children.isEmpty && (closingEveryEmptyElement || voidElements.contains(element.name)) {
                out.append(UInt8(ascii: "/"))
                out.append(UInt8(ascii: ">"))
                return
            }
            out.append(UInt8(ascii: ">"))
            for child in element.children { write(child, into: &out, closingEveryEmptyElement: closingEveryEmptyElement) }
            writeEndTag(element, into: &out)
        }
    }

    /// `<name attributes`, without the closing `>` or `/>`.
    private static func writeStartTag(_ element: Element, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: element.name.utf8)
        for attribute in element.attributes {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: attribute.name.utf8)
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "\""))
            appendEscaped(attribute.value, into: &out, quote: true)
            out.append(UInt8(ascii: "\""))
        }
    }

    private static func writeEndTag(_ element: Element, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(UInt8(ascii: "/"))
        out.append(contentsOf: element.name.utf8)
        out.append(UInt8(ascii: ">"))
    }

    private static func appendLineBreak(indent depth: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * depth) { out.append(UInt8(ascii: " ")) }
    }

    /// Escapes `&`, `<`, `>` (and `"` in attributes) and drops characters XML 1.0 forbids.
    ///
    /// Works on UTF-8 bytes and copies runs that need nothing in one go: this
    /// is the innermost loop of every export.
    public static func appendEscaped(_ text: String, into out: inout [UInt8], quote: Bool) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Most bytes need nothing; one table lookup tells.
                guard mayNeedEscape[Int(byte)] else {
                    index += 1
                    continue
                }
                var replacement: StaticString?
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
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    index += skip
                    runStart = index
                } else {
                    index += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        }
    }

    /// The bytes `appendEscaped` looks at more closely: markup characters,
    /// C0 controls and DEL, and the lead bytes of C1 controls (C2) and of
    /// U+FFFE/U+FFFF (EF).
    private static let mayNeedEscape: [Bool] = (0...255).map { byte in
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x22, 0..<0x20, 0x7F, 0xC2, 0xEF: return true
        default: return false
        }
    }

    public static func escaped(_ text: String, quote: Bool = true) -> String {
        var out: [UInt8] = []
        appendEscaped(text, into: &out, quote: quote)
        return String(decoding: out, as: UTF8.self)
    }
}
