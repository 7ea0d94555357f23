/// Maps obsolete or EPUB-unsafe elements onto valid equivalents
/// (HTML Living Standard §16 "Obsolete features"; sectioning elements become
/// `div` because an article body is one section of a chapter page and
/// `main`/`header`/`footer` have placement rules it cannot guarantee).
struct RenameObsoleteElements: ElementRule {
    static let renames: [String: String] = [
        "center": "div", "tt": "code", "strike": "s", "acronym": "abbr", "dir": "ul", "menu": "ul",
        "xmp": "pre", "listing": "pre", "plaintext": "pre", "nobr": "span", "time": "span", "data": "span",
        "section": "div", "article": "div", "aside": "div", "header": "div", "footer": "div", "nav": "div",
        "main": "div", "address": "div", "details": "div", "summary": "div", "hgroup": "div", "multicol": "div",
    ]

    private static let names: Set<String> = Set(renames.keys)
    var elementNames: Set<String>? { Self.names }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        if let name = Self.renames[element.name] { element.name = name }
        return nil
    }
}
