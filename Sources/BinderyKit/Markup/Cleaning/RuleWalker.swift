/// Applies element rules to a tree in one traversal.
///
/// `before` rules see an element on the way down, before its children are
/// cleaned (they drop, rename or replace elements whose raw content matters,
/// such as a `video`'s `source`s); whatever they return is walked in turn.
/// `after` rules see an element on the way up, with clean children (they
/// repair structure); what they return is final.
struct RuleWalker {
    let before: [any ElementRule]
    let after: [any ElementRule]

    /// Replacements of replacements deeper than this stop being re-walked:
    /// a guard against two rules undoing each other forever.
    private static let maxReplacementDepth = 8

    func walk(_ nodes: [Node], in context: inout CleaningContext) -> [Node] {
        walk(nodes, in: &context, replacementDepth: 0)
    }

    private func walk(_ nodes: [Node], in context: inout CleaningContext, replacementDepth: Int) -> [Node] {
        var out: [Node] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            switch node {
            case .text:
                out.append(node)
            case .element(let element):
                clean(element, into: &out, in: &context, replacementDepth: replacementDepth)
            }
        }
        return out
    }

    private func clean(_ original: Element, into out: inout [Node], in context: inout CleaningContext, replacementDepth: Int) {
        var element = original
        for rule in before {
            if let replacement = rule.apply(to: &element, in: &context) {
                guard replacementDepth < Self.maxReplacementDepth else {
                    out.append(.text(replacement.textContent))
                    return
                }
                out += walk(replacement, in: &context, replacementDepth: replacementDepth + 1)
                return
            }
        }
        context.ancestors.append(element.name)
        element.children = walk(element.children, in: &context, replacementDepth: 0)
        context.ancestors.removeLast()
        for rule in after {
            if let replacement = rule.apply(to: &element, in: &context) {
                out += replacement
                return
            }
        }
        out.append(.element(element))
    }
}
