/// The archiver writes an image and its caption as
/// `<img …><div><small style="…">caption</small></div>`; that is a figure.
/// Every such pair at the top of the body (or of a Jekyll post's wrapping
/// `div`) becomes `<figure><img/><figcaption>caption</figcaption></figure>`.
struct CaptionLeadImage: BodyRule {
    func apply(to body: inout [Node], in context: inout CleaningContext) {
        if body.count(where: { !$0.isWhitespaceText }) == 1, let index = body.firstIndex(where: { $0.isElement(named: "div") }),
            case .element(var wrapper) = body[index]
        {
            apply(to: &wrapper.children, in: &context)
            body[index] = .element(wrapper)
            return
        }
        var out: [Node] = []
        out.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            if case .element(let image) = body[index], image.name == "img",
                let captionIndex = body[(index + 1)...].firstIndex(where: { !$0.isWhitespaceText }),
                case .element(let div) = body[captionIndex], let caption = Self.caption(in: div)
            {
                out.append(.element(Element("figure", children: [
                    .element(image), .element(Element("figcaption", children: caption)),
                ])))
                index = captionIndex + 1
                continue
            }
            out.append(body[index])
            index += 1
        }
        body = out
    }

    /// The content of `<div><small>…</small></div>`, if `div` is that.
    static func caption(in div: Element) -> [Node]? {
        guard div.name == "div" else { return nil }
        let content = div.children.filter { !$0.isWhitespaceText }
        guard content.count == 1, case .element(let small) = content[0], small.name == "small" else { return nil }
        return small.children
    }
}
