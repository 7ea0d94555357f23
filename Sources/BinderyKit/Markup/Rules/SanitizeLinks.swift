/// Links keep only targets an e-book can follow: absolute `http(s)` and
/// `mailto` URLs (relative ones resolved against the article URL) and
/// `#fragment`s (checked later by `MakeIDsUniqueAndValid`). Other links, and
/// links nested in links (HTML §4.5.1 forbids interactive descendants), are
/// unwrapped so their text stays. An old-style `<a name>` anchor becomes an
/// `id`.
struct SanitizeLinks: ElementRule {
    var elementNames: Set<String>? { ["a"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard element.name == "a" else { return nil }
        if let name = element[attribute: "name"] {
            if element[attribute: "id"] == nil { element[attribute: "id"] = name }
            element[attribute: "name"] = nil
        }
        let target = element[attribute: "href"].flatMap(context.links.resolveLink)
        guard let target, !context.ancestors.contains("a") else {
            return unwrapped(element)
        }
        element[attribute: "href"] = target
        return nil
    }

    /// The link's content; an `id` it carried moves onto a `span` so
    /// fragment links to it keep working.
    private func unwrapped(_ element: Element) -> [Node] {
        guard let id = element[attribute: "id"] else { return element.children }
        return [.element(Element("span", attributes: [Attribute("id", id)], children: element.children))]
    }
}
