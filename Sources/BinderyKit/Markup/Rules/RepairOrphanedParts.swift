/// Parts of lists, tables, figures and ruby that sit outside their required
/// parent (tag soup, or a parent that was unwrapped) become plain containers,
/// so the content model holds (HTML §4.4.8 `li`, §4.9 tables, §4.4.13
/// `figcaption`, §4.5.10 `rt`).
struct RepairOrphanedParts: ElementRule {
    static let requiredParents: [String: Set<String>] = [
        "li": ["ul", "ol"], "dt": ["dl"], "dd": ["dl"],
        "tr": ["table", "thead", "tbody", "tfoot"], "td": ["tr"], "th": ["tr"],
        "thead": ["table"], "tbody": ["table"], "tfoot": ["table"], "caption": ["table"],
        "figcaption": ["figure"], "rt": ["ruby"], "rp": ["ruby"],
    ]

    private static let names: Set<String> = Set(requiredParents.keys)
    var elementNames: Set<String>? { Self.names }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard let parents = Self.requiredParents[element.name] else { return nil }
        if let parent = context.parentName, parents.contains(parent) { return nil }
        element.name = element.name == "rt" || element.name == "rp" ? "span" : "div"
        return nil
    }
}
