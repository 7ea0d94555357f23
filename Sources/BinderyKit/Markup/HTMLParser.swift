import CLibXML2
import Foundation

/// Parses HTML fragments with libxml2's HTML parser into `Node` trees.
///
/// libxml2's document never leaves `parseFragment`: it is converted into Swift
/// values at once and freed in the same scope. The parser recovers from any
/// tag soup, decodes HTML's named and numeric character references, never
/// touches the network and prints nothing.
public enum HTMLParser {
    /// The libxml2 Bindery was built against.
    static let libraryVersion = LIBXML_DOTTED_VERSION

    /// Recover from errors, stay silent, no network, and compact small text
    /// nodes (libxml2's `HTML_PARSE_*` options). `XML_PARSE_HUGE` lifts
    /// libxml2's nesting limit (256): without it the parser stops at that
    /// depth and silently drops everything after — the deep text and every
    /// paragraph behind it. Deep trees cost nothing here: levels beyond
    /// `maxDepth` are flattened into their text, without recursion.
    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

    /// The children of the parsed document's `body`: the fragment's content.
    /// Content libxml2 moves into `head` (a leading `style`, `meta`, `title`…)
    /// is not kept. Never fails: unparseable input gives `[]`.
    public static func parseFragment(_ html: String) -> [Node] {
        _ = libxml2Initialized
        var html = html
        return html.withUTF8 { bytes -> [Node] in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return [] }
            let cBase = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let document = htmlReadMemory(cBase, Int32(bytes.count), nil, "UTF-8", options) else { return [] }
            defer { xmlFreeDoc(document) }
            guard let body = findBody(in: document) else { return [] }
            return convertChildren(of: body, depth: 0)
        }
    }

    /// `html > body`, searched among the root's children.
    private static func findBody(in document: htmlDocPtr) -> xmlNodePtr? {
        guard let root = xmlDocGetRootElement(document) else { return nil }
        var child = root.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, name(of: node) == "body" { return node }
            child = node.pointee.next
        }
        return nil
    }

    /// Elements nested deeper than this are flattened into their text: real
    /// articles nest a few dozen levels at most, and the recursive Swift
    /// passes after parsing must stay within a worker thread's stack.
    static let maxDepth = 64

    private static func convertChildren(of parent: xmlNodePtr, depth: Int) -> [Node] {
        var nodes: [Node] = []
        var child = parent.pointee.children
        while let node = child {
            switch node.pointee.type {
            case XML_ELEMENT_NODE where depth >= maxDepth:
                appendText(.text(flattenedText(of: node)), to: &nodes)
            case XML_ELEMENT_NODE:
                nodes.append(.element(convertElement(node, depth: depth)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { appendText(.text(normalizedNewlines(content)), to: &nodes) }
            default:
                break  // comments, processing instructions, entity references
            }
            child = node.pointee.next
        }
        return nodes
    }

    /// Text with CR LF and lone CR turned into LF, as HTML's input stream
    /// preprocessing does (HTML §13.2.3.5); libxml2 leaves them.
    private static func normalizedNewlines(_ content: UnsafePointer<xmlChar>) -> String {
        let text = String(cString: content)
        // `strchr` looks for the rare CR far faster than a Swift loop.
        guard strchr(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self), 0x0D) != nil else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            bytes.append(previousWasCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Adjacent text (e.g. around a dropped comment) merges into one node.
    private static func appendText(_ text: Node, to nodes: inout [Node]) {
        guard case .text(let new) = text else { return }
        if case .text(let previous)? = nodes.last {
            nodes[nodes.count - 1] = .text(previous + new)
        } else {
            nodes.append(text)
        }
    }

    /// The text below `root`, gathered without recursion.
    private static func flattenedText(of root: xmlNodePtr) -> String {
        var text = ""
        var next = root.pointee.children
        while let node = next {
            let type = node.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = node.pointee.content {
                text += normalizedNewlines(content)
            }
            if type == XML_ELEMENT_NODE, let firstChild = node.pointee.children {
                next = firstChild
                continue
            }
            // Next sibling, else the nearest ancestor's next sibling below `root`.
            var current: xmlNodePtr? = node
            next = nil
            while let climbing = current, climbing != root {
                if let sibling = climbing.pointee.next {
                    next = sibling
                    break
                }
                current = climbing.pointee.parent
            }
        }
        return text
    }

    private static func convertElement(_ node: xmlNodePtr, depth: Int) -> Element {
        var attributes: [Attribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            if let rawName = attribute.pointee.name {
                let attributeName = String(cString: rawName)
                // libxml2 keeps repeated attributes; HTML says the first one wins.
                if !attributes.contains(where: { $0.name == attributeName }) {
                    attributes.append(Attribute(attributeName, textOfAttribute(attribute)))
                }
            }
            property = attribute.pointee.next
        }
        return Element(name(of: node), attributes: attributes, children: convertChildren(of: node, depth: depth + 1))
    }

    /// The value of an attribute: its text children, joined (also used by `XMLDocumentParser`).
    static func textOfAttribute(_ attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { value += String(cString: content) }
            child = node.pointee.next
        }
        return value
    }

    private static func name(of node: xmlNodePtr) -> String {
        guard let raw = node.pointee.name else { return "" }
        return String(cString: raw)
    }
}

/// libxml2's global tables must be set up once before threads parse
/// concurrently; a global `let` runs its initializer exactly once.
private let libxml2Initialized: Void = { xmlInitParser() }()
