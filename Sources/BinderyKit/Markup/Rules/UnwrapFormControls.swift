/// Forms cannot be submitted from an e-book: their containers and labels are
/// unwrapped (their text stays); `input` itself is dropped by `DropNonContent`.
struct UnwrapFormControls: ElementRule {
    static let unwrapped: Set<String> = [
        "form", "label", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "output",
        "datalist", "meter", "progress",
    ]

    private static let names: Set<String> = unwrapped
    var elementNames: Set<String>? { Self.names }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        Self.unwrapped.contains(element.name) ? element.children : nil
    }
}
