/// Sites label the parts of a picture for screen readers with text that is
/// hidden on screen: BBC writes
/// `<span class="off-screen">图片版权</span><span class="story-image-copyright">Getty Images</span>`
/// and `<figcaption><span class="off-screen">Image caption</span>…`. Shown
/// as text, the labels run into what they label ("图片版权Getty
/// ImagesImage caption…"). Inside a `figure` they become structure instead:
///
/// - a hidden label inside the caption goes (the caption is its structure);
/// - an element whose class names a credit (`…copyright…`, `…credit…`)
///   becomes the figure's credit (`HTMLVocabulary.creditElement`);
/// - a hidden label outside the caption goes, and what it labels (the
///   next element) becomes the credit — or the caption, when its class
///   says caption.
///
/// Hidden text elsewhere is left alone: without a figure there is no
/// structure to give it, and when in doubt text stays. So is hidden text
/// longer than a label (`maximumLabelLength`) or holding a picture: an
/// unclosed label can swallow the article after it (fuzzing found one).
struct LabelScreenReaderText: ElementRule {
    /// Class names sites and frameworks use for "visible to screen readers only".
    static let hiddenClasses: Set<String> = [
        "off-screen", "offscreen", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
        "screen-reader-only", "element-invisible", "u-hidden-visually", "a11y-only",
    ]

    var elementNames: Set<String>? { ["figure"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard element.name == "figure" else { return nil }
        var changes = 0
        var labels: [String] = []
        element.children = relabel(element.children, inCaption: false, changes: &changes, labels: &labels)
        for label in labels { context.removed(label, by: Self.name) }
        if changes > labels.count { context.fired(Self.name, times: changes - labels.count) }
        return nil
    }

    static let name = "LabelScreenReaderText"

    /// `labels`: the text of the labels taken out.
    private func relabel(_ nodes: [Node], inCaption: Bool, changes: inout Int, labels: inout [String]) -> [Node] {
        var out: [Node] = []
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            index += 1
            guard case .element(var element) = node else {
                out.append(node)
                continue
            }
            if Self.isHidden(element), let label = Self.labelText(element) {
                changes += 1
                labels.append(label)
                guard !inCaption else { continue }
                // The label goes; what it labels, next, gets its role.
                guard let next = nodes[index...].firstIndex(where: { !$0.isWhitespaceText }),
                      case .element(let labelled) = nodes[next], !Self.isHidden(labelled) else { continue }
                switch Self.role(of: labelled) {
                case .caption:
                    out.append(.element(Element("figcaption", children: labelled.children)))
                case .credit:
                    out.append(Self.credit(labelled))
                case .other:
                    // A label of something that may be more than a name:
                    // the label goes, what it labels stays as it is.
                    let text = labelled.children.readableText
                    guard !labelled.children.containsPicture, !text.isEmpty, text.count <= Self.maximumCreditLength else { continue }
                    out.append(Self.credit(labelled))
                }
                index = next + 1
                continue
            }
            if Self.role(of: element) == .credit {
                changes += 1
                out.append(Self.credit(element))
                continue
            }
            element.children = relabel(element.children, inCaption: inCaption || element.name == "figcaption",
                                       changes: &changes, labels: &labels)
            out.append(.element(element))
        }
        return out
    }

    private enum Role { case credit, caption, other }

    /// A credit is a name or two, never a paragraph.
    static let maximumCreditLength = 120

    /// What an element's class says it is. Wrappers that merely mention a
    /// credit (`image-and-copyright-container`, holding the picture) are
    /// not credits: a credit holds no picture and little text.
    private static func role(of element: Element) -> Role {
        guard let classes = element[attribute: "class"]?.lowercased() else { return .other }
        let words = Selector.words(classes)
        if words.contains(where: { $0.contains("copyright") || $0.contains("credit") }) {
            let text = element.children.readableText
            if !element.children.containsPicture, !text.isEmpty, text.count <= maximumCreditLength,
               !words.contains(where: { $0.contains("container") || $0.contains("wrapper") }) {
                return .credit
            }
            return .other
        }
        if words.contains(where: { $0.contains("caption") }) { return .caption }
        return .other
    }

    /// A label is a few words ("图片版权", "Photo credit:"). Hidden text
    /// longer than this, or holding a picture, is content (an unclosed
    /// label can swallow the article after it): it stays.
    static let maximumLabelLength = 40

    /// The label's text, or `nil` when the hidden element is more than a label.
    private static func labelText(_ element: Element) -> String? {
        let text = element.children.readableText
        guard !element.children.containsPicture, text.count <= maximumLabelLength else { return nil }
        return text
    }

    private static func isHidden(_ element: Element) -> Bool {
        Selector.words(element[attribute: "class"] ?? "").contains { hiddenClasses.contains(String($0)) }
    }

    /// The credit as plain text (credits are names, not markup).
    private static func credit(_ element: Element) -> Node {
        .element(Element(HTMLVocabulary.creditElement, children: [.text(element.children.readableText)]))
    }
}
