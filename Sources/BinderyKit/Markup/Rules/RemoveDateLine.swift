/// The archiver starts a body with the feed's date line, which the Archive
/// reader has already turned into the article's date (FORMAT.md "Date line
/// variants"): `<div><i>DATE</i></div>`, `<div><i>AUTHOR<br>DATE</i></div>`,
/// `<div>dd/mm/yyyy - hh:mm</div>` or an empty `<div></div>`. It is recognised
/// by shape (a short italic line with digits, a numeric date, or nothing),
/// as the first thing in the body (or in a Jekyll post's wrapping
/// `div`), and removed.
struct RemoveDateLine: BodyRule {
    /// A date line is short; a longer first `<div><i>` is an italic paragraph.
    static let maxLength = 200

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
        let content = div.children.filter { !$0.isWhitespaceText }
        if content.isEmpty { return true }
        guard content.count == 1 else { return false }
        switch content[0] {
        case .element(let italic):
            guard italic.name == "i" else { return false }
            // Every date variant holds digits; an italic standfirst need not.
            let text = italic.children.textContent.utf8
            return text.count <= maxLength && text.contains(where: { (0x30...0x39).contains($0) })
        case .text(let text):
            return isNumericDateTime(text.collapsingWhitespace())
        }
    }

    /// `dd/mm/yyyy - hh:mm`.
    static func isNumericDateTime(_ text: String) -> Bool {
        let shape = String(text.map { $0.isASCII && $0.isNumber ? "9" : $0 })
        return ["99/99/9999 - 99:99", "9/99/9999 - 99:99", "99/9/9999 - 99:99", "9/9/9999 - 99:99"].contains(shape)
    }
}
