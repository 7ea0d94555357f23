/// The chapter page uses `h1`/`h2` for its own titles; headings inside an
/// article body start below them so the book's outline stays right.
struct DemoteHeadings: ElementRule {
    var elementNames: Set<String>? { ["h1", "h2"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        if element.name == "h1" || element.name == "h2" { element.name = "h3" }
        return nil
    }
}
