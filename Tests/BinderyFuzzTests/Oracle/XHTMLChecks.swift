@testable import BinderyKit

/// What an article page's XHTML must be: well-formed XML (read back
/// strictly, as a reading system reads it) whose body holds only the
/// elements Bindery writes, no event handlers or styles, links only to the
/// web, mail or an `id` on the page, and pictures only from the book's own
/// image folder — never a script, a remote or `file:` resource.
struct XHTMLChecks {
    /// Elements an article page's body may hold.
    static let bodyElements: Set<String> = [
        "h1", "p", "span", "time", "a", "div",
        "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "figure",
        "figcaption", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "hr", "br",
        "em", "strong", "del", "u", "sup", "sub", "small", "mark", "q", "ruby", "rp", "rt",
    ]
    static let attributes: Set<String> = [
        "id", "class", "lang", "dir", "href", "src", "alt", "width", "height", "start", "colspan", "rowspan", "datetime",
    ]

    let imageFolder: String

    /// The problems of `xhtml`, and the text of its `body` (empty when it
    /// does not parse).
    func check(_ xhtml: String) -> (problems: [String], bodyText: String) {
        let root: Element
        switch XMLReader.parse(xhtml) {
        case .failure(let malformed): return (["XHTML is not well-formed XML: \(malformed)"], "")
        case .success(let element): root = element
        }
        var problems: [String] = []
        guard root.name == "html", let body = root.children.compactMap(\.element).first(where: { $0.name == "body" }) else {
            return (["XHTML has no html > body"], "")
        }
        for head in root.children.compactMap(\.element) where head.name == "head" {
            for link in head.children.compactMap(\.element) where link.name == "link" {
                if let href = link[attribute: "href"], URIScheme.of(href) != nil || href.hasPrefix("/") {
                    problems.append("stylesheet is not a file of the book: \(href)")
                }
            }
        }
        var ids: [String: Int] = [:]
        var fragments: [String] = []
        var pending: [Element] = [body]
        while let element = pending.popLast() {
            if element.name != "body", !Self.bodyElements.contains(element.name) {
                problems.append("element <\(element.name)> written")
            }
            for attribute in element.attributes {
                problems += check(attribute, of: element.name, fragments: &fragments)
                if attribute.name == "id" { ids[attribute.value, default: 0] += 1 }
            }
            pending += element.children.compactMap(\.element)
        }
        for (id, count) in ids where count > 1 { problems.append("id \"\(id)\" used \(count) times") }
        for fragment in fragments where ids[fragment] == nil { problems.append("link to #\(fragment), which no element has") }
        return (problems, body.children.textContent)
    }

    private func check(_ attribute: Attribute, of element: String, fragments: inout [String]) -> [String] {
        let name = attribute.name
        let value = attribute.value
        guard Self.attributes.contains(name) else { return ["attribute \(name)=\"\(value)\" on <\(element)>"] }
        switch name {
        case "href":
            guard element == "a" else { return ["href on <\(element)>"] }
            if value.hasPrefix("#") {
                fragments.append(String(value.dropFirst()))
                return []
            }
            let scheme = URIScheme.of(value)
            return scheme == "http" || scheme == "https" || scheme == "mailto" ? [] : ["link to \(value)"]
        case "src":
            guard element == "img" else { return ["src on <\(element)>"] }
            let file = value.hasPrefix(imageFolder) ? String(value.dropFirst(imageFolder.count)) : nil
            guard let file, !file.isEmpty, !file.contains("/"), !file.contains(":"), !file.contains("..") else {
                return ["picture not from the book's image folder: \(value)"]
            }
            return []
        default:
            return []
        }
    }
}
