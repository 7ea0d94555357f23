import Foundation

/// The EPUB 2 NCX (OPF 2.0.1 §2.4.1), kept beside the EPUB 3 nav for
/// readers that only understand it (Kobo's Adobe engine, older KOReader,
/// Kindle conversion). It mirrors the nav's `toc` exactly.
enum NCXDocument {
    static func render(_ toc: TableOfContents, title: String, identifier: String, language: String) -> Data {
        var playOrder = 0
        var orders: [String: Int] = [:]
        var pointCount = 0
        func navPoint(_ entry: TableOfContents.Entry) -> Node {
            // Points to the same target share their playOrder (a source's
            // entry and its first article; NCX 2005-1 §8.4.2).
            let order: Int
            if let known = orders[entry.href] {
                order = known
            } else {
                playOrder += 1
                order = playOrder
                orders[entry.href] = order
            }
            pointCount += 1
            let id = pointCount
            var children: [Node] = [
                XMLTree.element("navLabel", [], [XMLTree.element("text", text: entry.title)]),
                XMLTree.element("content", [("src", entry.href)]),
            ]
            children += entry.children.map(navPoint)
            return XMLTree.element("navPoint", [("id", "navpoint-\(id)"), ("playOrder", String(order))], children)
        }
        let navMap = XMLTree.element("navMap", [], toc.entries.map(navPoint))
        let root = XMLTree.element("ncx", [
            ("xmlns", "http://www.daisy.org/z3986/2005/ncx/"), ("version", "2005-1"), ("xml:lang", language),
        ], [
            XMLTree.element("head", [], [
                // Must equal the package's unique identifier (OPF 2.0.1 §2.4.1.2).
                XMLTree.element("meta", [("name", "dtb:uid"), ("content", identifier)]),
                XMLTree.element("meta", [("name", "dtb:depth"), ("content", String(toc.depth))]),
                XMLTree.element("meta", [("name", "dtb:totalPageCount"), ("content", "0")]),
                XMLTree.element("meta", [("name", "dtb:maxPageNumber"), ("content", "0")]),
            ]),
            XMLTree.element("docTitle", [], [XMLTree.element("text", text: title)]),
            navMap,
        ])
        return XMLTree.document(root)
    }
}
