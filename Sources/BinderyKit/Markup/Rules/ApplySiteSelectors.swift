import Foundation

/// The element rules of the article's site (`SiteRule`), on the raw tree
/// where classes and attributes are still as the site wrote them: `tags`
/// are collected, `players` become audio or video embeds, `credits` are
/// taken out and kept as closing lines, `remove` drops and `unwrap`
/// dissolves. An element is checked in that order; the first action that
/// takes it wins. Each action counts as `SITE: FIELD SELECTOR` in the report.
struct ApplySiteSelectors: BodyRule {
    func apply(to body: inout [Node], in context: inout CleaningContext) {
        guard let site = context.site,
              !(site.tags.isEmpty && site.players.isEmpty && site.credits.isEmpty && site.remove.isEmpty && site.unwrap.isEmpty)
        else { return }
        var ancestors: [Element] = []
        body = rewrite(body, site: site, ancestors: &ancestors, in: &context)
    }

    private func rewrite(_ nodes: [Node], site: SiteRule, ancestors: inout [Element], in context: inout CleaningContext) -> [Node] {
        var out: [Node] = []
        out.reserveCapacity(nodes.count)
        var index = 0
        while index < nodes.count {
            guard case .element(let element) = nodes[index] else {
                out.append(nodes[index])
                index += 1
                continue
            }
            index += 1
            func first(_ selectors: [Selector]) -> Selector? {
                selectors.first { $0.matches(element, ancestors: ancestors) }
            }
            for selector in site.tags where selector.matches(element, ancestors: ancestors) {
                context.findings.addTag(element.children.readableText)
                context.fired("\(site.name): tags \(selector.source)")
            }
            if let player = site.players.first(where: { $0.select.matches(element, ancestors: ancestors) }) {
                let (embed, consumed, title) = PlayerEmbed.make(element, rule: player, following: nodes[index...], in: context)
                out.append(embed)
                index += consumed
                let name = "\(site.name): players \(player.select.source)"
                // The module's text, unless it is the title the embed keeps.
                let text = element.children.readableText
                if !text.isEmpty, text != title { context.removed(text, by: name) } else { context.fired(name) }
                continue
            }
            if let selector = first(site.credits) {
                context.findings.addCredit(element.children.readableText)
                context.fired("\(site.name): credits \(selector.source)")
                continue
            }
            if let selector = first(site.remove) {
                context.removed(element.children.readableText, by: "\(site.name): remove \(selector.source)")
                continue
            }
            var rewritten = element
            ancestors.append(element)
            rewritten.children = rewrite(element.children, site: site, ancestors: &ancestors, in: &context)
            ancestors.removeLast()
            if let selector = first(site.unwrap) {
                out += rewritten.children
                context.fired("\(site.name): unwrap \(selector.source)")
            } else {
                out.append(.element(rewritten))
            }
        }
        return out
    }
}

/// A player module as an embed (`HTMLVocabulary.embedElement`), with the
/// media URL and title its `PlayerRule` says where to find.
enum PlayerEmbed {
    /// Text after a module longer than this is prose, not its title.
    static let maximumNextTextLength = 200

    /// The embed, how many of the `following` nodes it took in (a
    /// `next-text` title), and its title.
    static func make(_ module: Element, rule: PlayerRule, following: ArraySlice<Node>, in context: CleaningContext)
        -> (Node, Int, String?) {
        var url: String?
        for source in rule.url {
            if let found = value(source, in: module).flatMap(context.links.resolveWebURL) {
                url = found
                break
            }
        }
        var title: String?
        var consumed = 0
        for source in rule.title {
            if source == .nextText {
                let (text, count) = nextText(following)
                if !text.isEmpty {
                    title = text
                    consumed = count
                    break
                }
            } else if let text = value(source, in: module)?.collapsingWhitespace(), !text.isEmpty {
                title = text
                break
            }
        }
        let node = ReplaceEmbedsWithLinks.placeholder(rule.kind, url: url ?? context.links.base?.absoluteString, title: title)
        return (node, consumed, title)
    }

    private static func value(_ source: ValueSource, in module: Element) -> String? {
        switch source {
        case .json(let key):
            for script in [Node.element(module)].descendants(named: "script") {
                let text = script.children.textContent
                guard let data = text.data(using: .utf8),
                      let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                      let found = firstString(forKey: key, in: object) else { continue }
                return found
            }
            return nil
        case .attribute(let name):
            if let value = module[attribute: name] { return value }
            return firstAttribute(name, in: module.children)
        case .link:
            return [Node.element(module)].descendants(named: "a").lazy.compactMap { $0[attribute: "href"] }.first
        case .text:
            return module.children.readableText
        case .nextText:
            return nil
        }
    }

    /// The first string value of `key`, depth first, in a parsed JSON value.
    private static func firstString(forKey key: String, in object: Any) -> String? {
        if let dictionary = object as? [String: Any] {
            if let value = dictionary[key] as? String { return value }
            for name in dictionary.keys.sorted() {
                if let found = firstString(forKey: key, in: dictionary[name]!) { return found }
            }
        } else if let array = object as? [Any] {
            for item in array {
                if let found = firstString(forKey: key, in: item) { return found }
            }
        }
        return nil
    }

    private static func firstAttribute(_ name: String, in nodes: [Node]) -> String? {
        for case .element(let element) in nodes {
            if let value = element[attribute: name] { return value }
            if let value = firstAttribute(name, in: element.children) { return value }
        }
        return nil
    }

    /// The run of text and inline elements right after the module, up to a
    /// line break or block, when it is short enough to be a title.
    private static func nextText(_ following: ArraySlice<Node>) -> (String, Int) {
        var taken: [Node] = []
        for node in following {
            if case .element(let element) = node {
                if element.name == "br" || element.name == "img" || HTMLVocabulary.isBlock(node) || !HTMLVocabulary.isKnown(element.name) { break }
            }
            taken.append(node)
        }
        let text = taken.readableText
        guard !text.isEmpty, text.count <= maximumNextTextLength else { return ("", 0) }
        return (text, taken.count)
    }
}
