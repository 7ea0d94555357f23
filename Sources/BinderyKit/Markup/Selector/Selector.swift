/// The small selector language of site rules, evaluated on Bindery's own
/// tree (`Element`): the subset of CSS Selectors Level 3 that rule files
/// need, and nothing that could run code.
///
/// - `p`, `div`, `*` — an element name;
/// - `.credit` — a class (one of the space-separated words of `class`);
/// - `#main` — an `id`;
/// - `[rel]`, `[rel=tag]`, `[rel~=tag]`, `[class^=Attribution]`,
///   `[href$=".mp3"]`, `[class*=trustBadge]` — attributes: present, equal,
///   containing the word, starting with, ending with, containing;
/// - `figure .off-screen` — descendant: the parts left of a space must match
///   ancestors, in order.
///
/// Parts without spaces combine (`div.m-em-audio[data-id]`). Element and
/// attribute names are matched case-insensitively (the tree has them in
/// lower case), classes and values exactly. See `SelectorParser`.
public struct Selector: Sendable, Hashable, CustomStringConvertible {
    /// What one element must be.
    struct Compound: Sendable, Hashable {
        /// `nil` for any element.
        var name: String?
        var classes: [String] = []
        var attributes: [AttributeTest] = []
    }

    struct AttributeTest: Sendable, Hashable {
        enum Operator: String, Sendable, Hashable {
            case equals = "=", containsWord = "~=", prefix = "^=", suffix = "$=", substring = "*="
        }

        var name: String
        /// `nil`: the attribute only has to be present.
        var op: Operator?
        var value: String = ""

        func matches(_ value: String) -> Bool {
            guard let op else { return true }
            let expected = self.value
            switch op {
            case .equals: return value == expected
            case .containsWord: return Selector.words(value).contains(where: { $0 == expected })
            case .prefix: return !expected.isEmpty && value.hasPrefix(expected)
            case .suffix: return !expected.isEmpty && value.hasSuffix(expected)
            case .substring: return !expected.isEmpty && value.contains(expected)
            }
        }
    }

    /// Outermost first; the last one is the element itself.
    let compounds: [Compound]
    /// The selector as written, for messages and reports.
    public let source: String

    init(compounds: [Compound], source: String) {
        self.compounds = compounds
        self.source = source
    }

    /// Parses `source`.
    /// - Throws: `SelectorParser.Failure` saying what is wrong.
    public init(_ source: String) throws {
        self = try SelectorParser.parse(source)
    }

    public var description: String { source }

    /// The element names this selector can match, or `nil` for any: lets a
    /// caller skip the selector for elements it cannot match.
    var elementName: String? { compounds.last?.name }

    /// Whether `element`, inside `ancestors` (outermost first), matches.
    func matches(_ element: Element, ancestors: [Element]) -> Bool {
        guard let last = compounds.last, Self.matches(last, element) else { return false }
        // Descendant combinators only: matching each remaining compound
        // against the nearest ancestor that fits is never wrong.
        var remaining = compounds.count - 1
        var index = ancestors.count - 1
        while remaining > 0 {
            guard index >= 0 else { return false }
            if Self.matches(compounds[remaining - 1], ancestors[index]) { remaining -= 1 }
            index -= 1
        }
        return true
    }

    private static func matches(_ compound: Compound, _ element: Element) -> Bool {
        if let name = compound.name, name != element.name { return false }
        if !compound.classes.isEmpty {
            guard let classAttribute = element[attribute: "class"] else { return false }
            let present = words(classAttribute)
            for wanted in compound.classes where !present.contains(where: { $0 == wanted }) { return false }
        }
        for test in compound.attributes {
            guard let value = element[attribute: test.name], test.matches(value) else { return false }
        }
        return true
    }

    /// The words of a space-separated attribute (`class`, `rel`).
    static func words(_ value: String) -> [Substring] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
    }
}
