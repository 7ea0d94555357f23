import Foundation

/// An XML document converted into Swift values (see `XMLDocumentParser`):
/// elements with their namespace, attributes and effective `xml:base`, and
/// decoded text. Comments and processing instructions are not kept; CDATA
/// sections are text.
public indirect enum XMLChild: Sendable, Hashable {
    case element(XMLElementNode)
    case text(String)
}

public struct XMLAttributeValue: Sendable, Hashable {
    /// The local name; for an attribute whose prefix is not declared, the
    /// name as written (`media:url`).
    public var name: String
    public var namespace: String?
    public var value: String
}

public struct XMLElementNode: Sendable, Hashable {
    /// The local name; for an element whose prefix is not declared (a common
    /// feed mistake), the name as written (`content:encoded`) with no namespace.
    public var name: String
    /// The namespace URI, if the element is in one.
    public var namespace: String?
    public var attributes: [XMLAttributeValue]
    public var children: [XMLChild]
    /// The base URI in effect for this element (XML Base §4.2: its own
    /// `xml:base` resolved against its parent's, the document URL at the
    /// top), against which its relative references resolve.
    public var base: URL?

    public init(name: String, namespace: String? = nil, attributes: [XMLAttributeValue] = [],
                children: [XMLChild] = [], base: URL? = nil) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.base = base
    }

    /// The value of the attribute `name` in no namespace (or, with
    /// `namespace`, in that one).
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    /// The child elements, in document order.
    public var elements: [XMLElementNode] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// All text below this element, concatenated.
    public var text: String {
        var out = ""
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): out += e.text
            }
        }
        return out
    }

    /// Every element below this one, depth first in document order, that
    /// satisfies `matches` (not descending into the matches).
    public func descendants(where matches: (XMLElementNode) -> Bool) -> [XMLElementNode] {
        var found: [XMLElementNode] = []
        for element in elements {
            if matches(element) { found.append(element) } else { found += element.descendants(where: matches) }
        }
        return found
    }
}

/// A parsed XML document and what parsing it took.
public struct ParsedXML: Sendable {
    /// The root element; `nil` when nothing could be recovered.
    public var root: XMLElementNode?
    /// The encoding the bytes were read in (see `CharacterDecoding`).
    public var encoding: String
    /// Byte sequences invalid in that encoding (replaced by U+FFFD).
    public var invalidBytes: Int
    /// Repairs made before parsing: HTML entities XML does not know
    /// (`&nbsp;`), bare `&`, control characters.
    public var repairs: Int
    /// Well-formedness errors libxml2 recovered from, the first few with
    /// their line; `errorCount` counts them all.
    public var errors: [String]
    public var errorCount: Int

    /// Whether the document was well-formed (after the repairs).
    public var isWellFormed: Bool { errorCount == 0 }
}
