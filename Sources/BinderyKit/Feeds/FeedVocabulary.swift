import Foundation

/// The XML vocabularies feeds mix, and how an element is matched against
/// them.
enum FeedVocabulary: Sendable {
    /// No namespace: RSS 0.9x/2.0 elements.
    case plain
    case atom
    case rss1
    case rss090
    case rdf
    case content
    case dc
    case media
    case xhtml

    var uri: String? {
        switch self {
        case .plain: return nil
        case .atom: return "http://www.w3.org/2005/Atom"
        case .rss1: return "http://purl.org/rss/1.0/"
        case .rss090: return "http://my.netscape.com/rdf/simple/0.9/"
        case .rdf: return "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        case .content: return "http://purl.org/rss/1.0/modules/content/"
        case .dc: return "http://purl.org/dc/elements/1.1/"
        case .media: return "http://search.yahoo.com/mrss/"
        case .xhtml: return "http://www.w3.org/1999/xhtml"
        }
    }

    /// The prefix feeds use for it, which is how an element is known when
    /// the feed forgot to declare the namespace (`<content:encoded>` with no
    /// `xmlns:content`: libxml2 then keeps the name as written).
    var conventionalPrefix: String? {
        switch self {
        case .plain, .rss1, .rss090: return nil
        case .atom: return "atom"
        case .rdf: return "rdf"
        case .content: return "content"
        case .dc: return "dc"
        case .media: return "media"
        case .xhtml: return "xhtml"
        }
    }
}

extension XMLElementNode {
    /// Whether this is `name` in `vocabulary`. RSS 1.0 elements also match
    /// their RSS 2.0 (no namespace) names, since the readers share them.
    func `is`(_ name: String, in vocabulary: FeedVocabulary = .plain) -> Bool {
        if self.name == name {
            if namespace == vocabulary.uri { return true }
            if vocabulary == .plain, namespace == FeedVocabulary.rss1.uri || namespace == FeedVocabulary.rss090.uri { return true }
        }
        if namespace == nil, let prefix = vocabulary.conventionalPrefix, self.name == prefix + ":" + name { return true }
        return false
    }

    /// The first child element `name` in `vocabulary`.
    func child(_ name: String, in vocabulary: FeedVocabulary = .plain) -> XMLElementNode? {
        elements.first { $0.is(name, in: vocabulary) }
    }

    func children(_ name: String, in vocabulary: FeedVocabulary = .plain) -> [XMLElementNode] {
        elements.filter { $0.is(name, in: vocabulary) }
    }

    /// The trimmed text of the first child `name`, `nil` when absent or blank.
    func childText(_ name: String, in vocabulary: FeedVocabulary = .plain) -> String? {
        guard let text = child(name, in: vocabulary)?.text.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty else { return nil }
        return text
    }

    /// An attribute in no namespace, or under its conventional prefix when
    /// undeclared (`media:url`), or in the vocabulary's namespace.
    func attribute(_ name: String, in vocabulary: FeedVocabulary) -> String? {
        if let value = attribute(name, namespace: vocabulary.uri) { return value }
        if let prefix = vocabulary.conventionalPrefix { return attribute(prefix + ":" + name) }
        return nil
    }
}
