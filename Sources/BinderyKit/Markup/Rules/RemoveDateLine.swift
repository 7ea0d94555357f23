/// The archiver starts a body with the feed's date line, which the Archive
/// reader has already turned into the article's date (FORMAT.md "Date line
/// variants"): `<div><i>DATE</i></div>`, `<div><i>AUTHOR<br>DATE</i></div>`,
/// `<div>dd/mm/yyyy - hh:mm</div>` or an empty `<div></div>`. As the first
/// thing in the body (or in a Jekyll post's wrapping `div`), it is removed —
/// recognised by the reader's own `DateLineParser`, so a line is dropped
/// exactly when it gave the article its date.
struct RemoveDateLine: BodyRule {
    func apply(to body: inout [Node], in context: inout CleaningContext) {
        guard let index = body.firstIndex(where: { !$0.isWhitespaceText }), case .element(var first) = body[index],
            first.name == "div"
        else { return }
        if Self.isDateLine(first) {
            body.remove(at: index)
        } else {
            // A Jekyll post wraps the whole body in one `div`.
            apply(to: &first.children, in: &context)
            body[index] = .element(first)
        }
    }

    static func isDateLine(_ div: Element) -> Bool {
        guard let text = lineText(div.children), text.utf8.count <= DateLineParser.maximumLineBytes else { return false }
        return DateLineParser.parse(text) != nil
    }

    /// The text of `nodes` with `<br>` as a line break, or `nil` when they
    /// hold anything but text, breaks and `DateLineParser.wrappers`.
    private static func lineText(_ nodes: [Node]) -> String? {
        var text = ""
        for node in nodes {
            switch node {
            case .text(let string):
                text += string
            case .element(let element) where element.name == "br":
                text += "\n"
            case .element(let element) where DateLineParser.wrappers.contains(element.name):
                guard let inner = lineText(element.children) else { return nil }
                text += inner
            case .element:
                return nil
            }
            if text.utf8.count > DateLineParser.maximumLineBytes { return nil }
        }
        return text
    }
}
