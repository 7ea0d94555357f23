/// Keeps only the attributes EPUB 3.3 XHTML allows on each element, with
/// values that validate (HTML §3.2.6 global attributes and each element's
/// own). Presentation (`style`, `class`, `align`, `bgcolor`, `border`…),
/// event handlers (`on*`), `data-*` and anything unknown go. `id`s stay for
/// `MakeIDsUniqueAndValid`; `href`s are `SanitizeLinks`' business.
struct FilterAttributes: ElementRule {
    static let global: Set<String> = ["id", "title", "lang", "dir"]
    static let perElement: [String: Set<String>] = [
        "a": ["href"], "img": ["src", "alt", "width", "height"], "td": ["colspan", "rowspan"],
        "th": ["colspan", "rowspan", "scope"], "ol": ["start", "reversed", "type"], "li": ["value"],
        "blockquote": ["cite"], "q": ["cite"], "del": ["cite"], "ins": ["cite"],
        HTMLVocabulary.embedElement: [HTMLVocabulary.embedKindAttribute, HTMLVocabulary.embedURLAttribute],
    ]

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard !element.attributes.isEmpty else { return nil }
        let own = Self.perElement[element.name]
        element.attributes = element.attributes.compactMap { attribute in
            guard Self.global.contains(attribute.name) || own?.contains(attribute.name) == true else { return nil }
            return validated(attribute, on: element.name, in: context)
        }
        return nil
    }

    private func validated(_ attribute: Attribute, on elementName: String, in context: CleaningContext) -> Attribute? {
        var attribute = attribute
        let value = LinkResolver.trimmed(attribute.value)
        switch attribute.name {
        case "lang":
            guard value.isEmpty || LanguageTag.isWellFormed(value) else { return nil }
            attribute.value = value
        case "dir":
            let lowered = value.lowercased()
            guard ["ltr", "rtl", "auto"].contains(lowered) else { return nil }
            attribute.value = lowered
        case "width", "height":
            guard let number = Int(value), number > 0 else { return nil }
            attribute.value = String(number)
        case "colspan":
            guard let number = Int(value), (1...1000).contains(number) else { return nil }
            attribute.value = String(number)
        case "rowspan":
            guard let number = Int(value), (1...65534).contains(number) else { return nil }
            attribute.value = String(number)
        case "start", "value":
            guard let number = Int(value) else { return nil }
            attribute.value = String(number)
        case "scope":
            let lowered = value.lowercased()
            guard ["row", "col", "rowgroup", "colgroup"].contains(lowered) else { return nil }
            attribute.value = lowered
        case "type":
            guard ["1", "a", "A", "i", "I"].contains(value) else { return nil }
            attribute.value = value
        case "reversed":
            attribute.value = "reversed"
        case "cite":
            guard let url = context.links.resolveWebURL(value) else { return nil }
            attribute.value = url
        default:
            break
        }
        return attribute
    }
}
