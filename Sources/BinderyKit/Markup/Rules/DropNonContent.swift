/// Drops elements that are code, metadata or interactive machinery rather
/// than article text: scripts and styles (with their content), document
/// metadata, plugins, inline SVG and MathML (not reliably safe or supported by
/// e-readers; their text is labels, not prose) and form inputs.
struct DropNonContent: ElementRule {
    static let dropped: Set<String> = [
        "script", "style", "template", "link", "meta", "base", "head", "title", "object", "embed", "param",
        "applet", "svg", "math", "canvas", "input", "source", "track", "area", "frame", "frameset", "noembed",
        "noframes", "dialog", "col", "colgroup",
    ]

    private static let names: Set<String> = dropped
    var elementNames: Set<String>? { Self.names }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard Self.dropped.contains(element.name) else { return nil }
        // A `dialog` with `open` is shown, and its text read, like any other
        // content: it stays, to be unwrapped as an unknown element. (An
        // unclosed `<dialog` in tag soup can take the words after it as
        // attributes, `open` among them, and with them the rest of the body.)
        if element.name == "dialog", element[attribute: "open"] != nil { return nil }
        return []
    }
}
