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
        Self.dropped.contains(element.name) ? [] : nil
    }
}
