@testable import BinderyKit

/// The visible text of an article body: every text node of the tree
/// libxml2 parses it into (`HTMLParser`, the parse the cleaner works on),
/// except text a reader of the page in a browser would not see, or that
/// Bindery deliberately shows elsewhere:
///
/// - content never rendered: `script`, `style`, `template`, and the
///   document metadata `head` and `title`;
/// - fallback content, which a browser shows only when it cannot show the
///   thing itself, and which Bindery replaces with a link to the thing:
///   `iframe`, `frameset`, `noframes`, `video`, `audio`, `object`,
///   `applet`, `canvas`, `noembed`; and `noscript` (shown only without
///   scripting; Bindery keeps its pictures);
/// - the labels of drawings and formulas, `svg` and `math`, which Bindery
///   leaves out by design (e-readers cannot show them reliably);
/// - a `dialog` without `open` (not displayed), and `rp` in `ruby` (the
///   parentheses only readers without ruby support show);
/// - the archiver's date line at the top of the body (it becomes the
///   article's date and author in the byline) and a feed's advertising
///   footer at its end (FORMAT.md), recognised as the cleaner recognises
///   them (`RemoveDateLine`, `RemoveFeedFooter`).
///
/// Everything else counts, wherever it sits in the tag soup: text in
/// tables outside cells, in forms, in unknown elements, in links whose
/// target is dropped, in `pre` and `code` — and text libxml2 puts inside a
/// void element it does not know as one (`a<wbr>b`, `<source>text`), which
/// a browser shows after the element.
///
/// A known blind spot: the runs come from the same parse the cleaner uses,
/// so text libxml2 itself does not put in the tree is not seen here.
enum VisibleText {
    static let hidden: Set<String> = [
        "script", "style", "template", "head", "title",
        "iframe", "frameset", "noframes", "video", "audio", "object", "applet", "canvas", "noembed",
        "noscript", "svg", "math",
    ]

    /// The text runs (text nodes) of `body` a reader would see, in order.
    static func runs(_ body: [Node]) -> [String] {
        var skipped = Set<[Int]>()
        if let path = dateLinePath(body) { skipped.insert(path) }
        if let path = footerPath(body) { skipped.insert(path) }
        var runs: [String] = []
        collect(body, path: [], parent: nil, skipped: skipped, into: &runs)
        return runs
    }

    private static func collect(_ nodes: [Node], path: [Int], parent: String?, skipped: Set<[Int]>, into runs: inout [String]) {
        for (index, node) in nodes.enumerated() {
            let here = path + [index]
            guard !skipped.contains(here) else { continue }
            switch node {
            case .text(let text):
                runs.append(text)
            case .element(let element):
                if hidden.contains(element.name) { continue }
                if element.name == "dialog", element[attribute: "open"] == nil { continue }
                if element.name == "rp", parent == "ruby" { continue }
                collect(element.children, path: here, parent: element.name, skipped: skipped, into: &runs)
            }
        }
    }

    /// Where the date line is: the first thing in the body, or down the
    /// chain of first `div`s (a Jekyll post's wrapper), as `RemoveDateLine` looks.
    private static func dateLinePath(_ nodes: [Node], path: [Int] = []) -> [Int]? {
        guard let index = nodes.firstIndex(where: { !$0.isWhitespaceText }), case .element(let first) = nodes[index],
              first.name == "div" else { return nil }
        if RemoveDateLine.isDateLine(first) { return path + [index] }
        return dateLinePath(first.children, path: path + [index])
    }

    /// Where the feed footer is: the last thing in the body, or down the
    /// chain of last `div`s, as `RemoveFeedFooter` looks.
    private static func footerPath(_ nodes: [Node], path: [Int] = []) -> [Int]? {
        guard let index = nodes.lastIndex(where: { !$0.isWhitespaceText }), case .element(let last) = nodes[index] else { return nil }
        if RemoveFeedFooter.isFooter(last) { return path + [index] }
        guard last.name == "div" else { return nil }
        return footerPath(last.children, path: path + [index])
    }
}
