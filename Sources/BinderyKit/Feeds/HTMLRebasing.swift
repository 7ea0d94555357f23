import Foundation

/// Makes the links and picture sources of a feed entry's HTML absolute.
///
/// A feed's HTML is relative to the feed (Atom: to its `xml:base`, RFC 4287
/// §2; RSS and JSON Feed: to the feed's URL), not to the article page the
/// archive file will name, so relative references are resolved while the
/// base is still known.
enum HTMLRebasing {
    /// Attributes holding one URL, per element.
    private static let urlAttributes: [String: [String]] = [
        "a": ["href"], "area": ["href"], "img": ["src", "data-src", "data-original", "longdesc"],
        "source": ["src"], "video": ["src", "poster"], "audio": ["src"], "track": ["src"], "iframe": ["src"],
        "embed": ["src"], "object": ["data"], "blockquote": ["cite"], "q": ["cite"], "ins": ["cite"], "del": ["cite"],
    ]

    /// `html` with relative references resolved against `base`; returned
    /// unchanged (byte for byte) when it has none.
    static func absolutized(_ html: String, base: URL?) -> String {
        guard let base, mayHoldReferences(html) else { return html }
        var changed = false
        let nodes = HTMLParser.parseFragment(html).map { rebase($0, base: base, changed: &changed) }
        return changed ? XHTMLSerializer.serialize(nodes) : html
    }

    private static func mayHoldReferences(_ html: String) -> Bool {
        // Byte search: Foundation's `contains` costs more than the rest of the archiving.
        ["href", "src", "poster", "cite", "data=", "longdesc"].contains { html.containsBytes($0) }
    }

    private static func rebase(_ node: Node, base: URL, changed: inout Bool) -> Node {
        guard case .element(var element) = node else { return node }
        for name in urlAttributes[element.name] ?? [] {
            if let value = element[attribute: name], let absolute = resolved(value, base: base) {
                element[attribute: name] = absolute
                changed = true
            }
        }
        if element.name == "img" || element.name == "source", let srcset = element[attribute: "srcset"] {
            let candidates = Srcset(srcset).candidates
            let rebased = candidates.map { candidate -> String in
                let url = resolved(candidate.url, base: base) ?? candidate.url
                if let width = candidate.width { return "\(url) \(width)w" }
                return candidate.density == 1 ? url : "\(url) \(formatted(candidate.density))x"
            }.joined(separator: ", ")
            if candidates.contains(where: { resolved($0.url, base: base) != nil }) {
                element[attribute: "srcset"] = rebased
                changed = true
            }
        }
        element.children = element.children.map { rebase($0, base: base, changed: &changed) }
        return .element(element)
    }

    /// The absolute form of a relative reference; `nil` for one that is
    /// absolute already, a fragment, or empty.
    private static func resolved(_ value: String, base: URL) -> String? {
        let trimmed = LinkResolver.trimmed(value)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), URIScheme.of(trimmed) == nil else { return nil }
        return URLReference.resolve(trimmed, against: base)?.absoluteString
    }

    private static func formatted(_ density: Double) -> String {
        density == density.rounded() ? String(Int(density)) : String(density)
    }
}
