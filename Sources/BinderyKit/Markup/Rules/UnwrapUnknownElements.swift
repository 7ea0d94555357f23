/// Elements outside the kept vocabulary (`font`, `big`, `blink`, custom
/// elements, WordPress and Office tags…) are replaced by their content, so
/// their text survives.
struct UnwrapUnknownElements: ElementRule {
    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        HTMLVocabulary.isKnown(element.name) ? nil : element.children
    }
}
