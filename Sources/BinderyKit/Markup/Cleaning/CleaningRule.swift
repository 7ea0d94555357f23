/// What a cleaning rule sees besides the element: the article, the
/// diagnostics so far and the names of the element's ancestors.
struct CleaningContext {
    let article: Article
    let links: LinkResolver
    /// The article's site rule, if one covers its URL.
    let site: SiteRule?
    /// Names of the enclosing elements, outermost first (as already rewritten).
    var ancestors: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// What the rules took out of the body to keep elsewhere, and which fired.
    var findings = CleaningFindings()

    init(article: Article, site: SiteRule? = nil) {
        self.article = article
        self.links = LinkResolver(base: article.url)
        self.site = site
    }

    var parentName: String? { ancestors.last }

    /// Records a finding about the article's input (never thrown).
    mutating func report(_ message: String) {
        diagnostics.append(.warning(article.origin.displayName, message))
    }
}

/// A small named rewrite of one element.
///
/// Return `nil` to keep the (possibly modified) element and let the next rule
/// see it, or the nodes that replace it (`[]` drops it). Rules never throw:
/// findings go to `context.report`.
protocol ElementRule: Sendable {
    /// The only element names the rule acts on, or `nil` for any: the
    /// walker calls a rule only for its elements (`RuleWalker`), and every
    /// element of every article passes through the walker.
    var elementNames: Set<String>? { get }
    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]?
}

extension ElementRule {
    var elementNames: Set<String>? { nil }
}

/// A small named rewrite of the whole body (for patterns that span siblings).
protocol BodyRule: Sendable {
    func apply(to body: inout [Node], in context: inout CleaningContext)
}

extension Element {
    /// A copy with another name (same attributes and children).
    func renamed(_ name: String) -> Element {
        var copy = self
        copy.name = name
        return copy
    }

}

extension Node {
    /// Text made only of HTML white space (space, tab, CR, LF, FF).
    var isWhitespaceText: Bool {
        guard case .text(let text) = self else { return false }
        return text.isHTMLWhitespace
    }

    func isElement(named name: String) -> Bool {
        if case .element(let e) = self { return e.name == name }
        return false
    }
}

extension Array where Element == Node {
    /// Elements named `name` below these nodes, in document order.
    func descendants(named name: String) -> [BinderyKit.Element] {
        var found: [BinderyKit.Element] = []
        for case .element(let child) in self {
            if child.name == name { found.append(child) }
            found += child.children.descendants(named: name)
        }
        return found
    }
}

extension Array where Element == Node {
    /// These nodes with each maximal run of nodes that are not `kept`
    /// replaced by `wrap(run)`; kept nodes stay in place. Empty runs are not
    /// passed to `wrap`.
    func wrappingRuns(keeping kept: (Node) -> Bool, _ wrap: ([Node]) -> [Node]) -> [Node] {
        var out: [Node] = []
        out.reserveCapacity(count)
        var run: [Node] = []
        for node in self {
            if kept(node) {
                if !run.isEmpty { out += wrap(run) }
                run.removeAll()
                out.append(node)
            } else {
                run.append(node)
            }
        }
        if !run.isEmpty { out += wrap(run) }
        return out
    }

    /// `wrappingRuns` for container content: runs with something besides
    /// whitespace become one `wrapper`; whitespace-only runs are dropped.
    func wrappingStrays(allowed: Set<String>, into wrapper: ([Node]) -> Node) -> [Node] {
        wrappingRuns(keeping: { node in
            if case .element(let e) = node { return allowed.contains(e.name) }
            return false
        }) { run in
            run.allSatisfy(\.isWhitespaceText) ? [] : [wrapper(run)]
        }
    }
}
