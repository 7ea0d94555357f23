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
    /// Which rules can act on an element of a given name (`ElementRule.elementNames`):
    /// most rules are for one or two elements, and asking each of them about
    /// every element was a large part of cleaning.
    private let beforeByName: RulesByName
    private let afterByName: RulesByName

    init(before: [any ElementRule], after: [any ElementRule]) {
        self.before = before
        self.after = after
        beforeByName = RulesByName(before)
        afterByName = RulesByName(after)
    }

    /// Replacements of replacements deeper than this stop being re-walked:
    /// a guard against two rules undoing each other forever.
    private static let maxReplacementDepth = 8

    func walk(_ nodes: inout [Node], in context: inout CleaningContext) {
        walk(&nodes, in: &context, replacementDepth: 0)
    }

    /// Cleans `nodes` in place. Elements that stay are written back into
    /// their slot, so their children are cleaned where they are; only from
    /// the first element replaced on is the list built anew. (Building every
    /// list anew was about two thirds of the walk's cost.)
    private func walk(_ nodes: inout [Node], in context: inout CleaningContext, replacementDepth: Int) {
        var rebuilt: [Node]?
        for index in nodes.indices {
            guard case .element(var element) = nodes[index] else {
                rebuilt?.append(nodes[index])
                continue
            }
            // The slot lets go of the element: its children are then referenced
            // once and change in place instead of being copied.
            nodes[index] = Self.vacated
            if let replacement = clean(&element, in: &context, replacementDepth: replacementDepth) {
                if rebuilt == nil {
                    rebuilt = Array(nodes[..<index])
                    rebuilt!.reserveCapacity(nodes.count + replacement.count)
                }
                rebuilt!.append(contentsOf: replacement)
            } else if rebuilt != nil {
                rebuilt!.append(.element(element))
            } else {
                nodes[index] = .element(element)
            }
        }
        if let rebuilt { nodes = rebuilt }
    }

    /// What a slot holds while its element is being cleaned (never seen by a rule).
    private static let vacated = Node.text("")

    /// Cleans `element`; returns what replaces it, or `nil` when it stays.
    private func clean(_ element: inout Element, in context: inout CleaningContext, replacementDepth: Int) -> [Node]? {
        if var replacement = Self.apply(before, beforeByName, to: &element, in: &context) {
            guard replacementDepth < Self.maxReplacementDepth else { return [.text(replacement.textContent)] }
            walk(&replacement, in: &context, replacementDepth: replacementDepth + 1)
            return replacement
        }
        context.ancestors.append(element.name)
        walk(&element.children, in: &context, replacementDepth: 0)
        context.ancestors.removeLast()
        return Self.apply(after, afterByName, to: &element, in: &context)
    }

    /// Runs `rules` in order on `element` until one replaces it; a rule that
    /// renames the element hands over to the rules of the new name that come
    /// after it.
    private static func apply(_ rules: [any ElementRule], _ byName: RulesByName, to element: inout Element,
                              in context: inout CleaningContext) -> [Node]? {
        var name = element.name
        var chosen = byName[name]
        var position = 0
        while position < chosen.count {
            let index = chosen[position]
            if let replacement = rules[index].apply(to: &element, in: &context) { return replacement }
            if element.name != name {
                name = element.name
                chosen = byName[name]
                position = chosen.firstIndex(where: { $0 > index }) ?? chosen.count
            } else {
                position += 1
            }
        }
        return nil
    }
}

/// For each element name, the positions of the rules that may act on it, in order.
private struct RulesByName {
    private let named: NameTable<[Int]>
    /// The rules for any element: those of names no rule lists.
    private let anyElement: [Int]

    init(_ rules: [any ElementRule]) {
        anyElement = rules.indices.filter { rules[$0].elementNames == nil }
        let names = rules.reduce(into: Set<String>()) { $0.formUnion($1.elementNames ?? []) }
        named = NameTable(names.map { name in (name, rules.indices.filter { rules[$0].elementNames?.contains(name) ?? true }) })
    }

    subscript(name: String) -> [Int] { named[name] ?? anyElement }
}
