/// The elements the cleaned tree may hold, by HTML content category
/// (HTML Living Standard §3.2.5, as EPUB 3.3 §6.1 XHTML content documents use it).
enum HTMLVocabulary {
    /// Phrasing content kept as is.
    static let phrasing: NameSet = [
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins", "kbd",
        "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var", "wbr",
        creditElement,
    ]

    /// Flow content that is not phrasing (blocks), and the parts of tables and lists.
    static let blocks: NameSet = [
        "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "li", "ol", "p", "pre", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", embedElement,
    ]

    static let headings: NameSet = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Bindery's own block (in `blocks`) for media an e-book cannot play
    /// (`ReplaceEmbedsWithLinks`), which `ContentConverter` turns into an
    /// `Embed`. Never written out: no output format sees HTML. The `#` keeps
    /// articles from forging one (an HTML tag name never starts with it):
    /// `<bindery-embed url="javascript:…">` in a body is an unknown element.
    static let embedElement = "#bindery-embed"
    /// Its attributes: the `Embed.Kind` and the `http(s)` URL (and `title`).
    static let embedKindAttribute = "kind"
    static let embedURLAttribute = "url"

    /// Bindery's own element for a picture's credit inside a `figure`
    /// (`LabelScreenReaderText`), which `ContentConverter` turns into
    /// `Figure.credit`. Phrasing, holding plain text; never written out.
    static let creditElement = "bindery-credit"

    /// The element an inline style is written as (XHTML pages; Markdown's
    /// inline HTML where it has no syntax of its own).
    static func element(for style: InlineStyle) -> String {
        switch style {
        case .emphasis: return "em"
        case .strong: return "strong"
        case .strikethrough: return "del"
        case .underline: return "u"
        case .superscripted: return "sup"
        case .subscripted: return "sub"
        case .small: return "small"
        case .highlight: return "mark"
        case .quotation: return "q"
        }
    }

    static func isKnown(_ name: String) -> Bool { phrasing.contains(name) || blocks.contains(name) }

    /// Whether a node is a block (not phrasing content).
    static func isBlock(_ node: Node) -> Bool {
        guard case .element(let element) = node else { return false }
        if blocks.contains(element.name) { return true }
        // `a` is transparent: holding a block makes it one (HTML §4.5.1).
        return element.name == "a" && element.children.contains(where: isBlock)
    }
}
