import Foundation

/// The frame every XHTML content document shares (EPUB 3.3 §6.1): XML
/// declaration, HTML doctype, `html` with the book language in both `lang`
/// and `xml:lang`, a title and the stylesheet.
struct XHTMLPage {
    var title: String
    var language: String
    /// Relative to the page, e.g. `../styles/bindery.css`.
    var stylesheetHref: String
    var bodyClass: String?

    /// `body` is written verbatim: no whitespace is added between its
    /// nodes, which could put stray spaces into running (CJK) text. Callers
    /// lay out their own blocks with `XMLTree.lines`.
    func render(_ body: [Node]) -> Data {
        render { out in
            for node in body { XHTMLSerializer.write(node, into: &out) }
        }
    }

    /// The page with `writeBody` writing the content of its `body` element.
    func render(writingBody writeBody: (inout [UInt8]) -> Void) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(8192)
        out.append(contentsOf: XMLTree.declaration.utf8)
        out.append(contentsOf: "<!DOCTYPE html>\n".utf8)
        out.append(contentsOf: "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"".utf8)
        XHTMLSerializer.appendEscaped(language, into: &out, quote: true)
        out.append(contentsOf: "\" xml:lang=\"".utf8)
        XHTMLSerializer.appendEscaped(language, into: &out, quote: true)
        out.append(contentsOf: "\">\n".utf8)
        XHTMLSerializer.write(XMLTree.indented(XMLTree.element("head", [], [
            XMLTree.element("title", text: title),
            XMLTree.element("link", [("rel", "stylesheet"), ("type", "text/css"), ("href", stylesheetHref)]),
        ]), depth: 0), into: &out)
        out.append(contentsOf: "\n".utf8)
        out.append(contentsOf: "<body".utf8)
        if let bodyClass {
            out.append(contentsOf: " class=\"".utf8)
            XHTMLSerializer.appendEscaped(bodyClass, into: &out, quote: true)
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: ">\n".utf8)
        writeBody(&out)
        out.append(contentsOf: "</body>\n</html>\n".utf8)
        return Data(out)
    }
}

extension XMLTree {
    /// Block elements one per line, for readable page sources.
    static func lines(_ blocks: [Node]) -> [Node] {
        blocks.flatMap { [$0, .text("\n")] }
    }
}
