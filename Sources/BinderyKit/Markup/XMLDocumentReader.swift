import CLibXML2
import Foundation

/// Parses small XML documents (an EPUB's `container.xml` and package
/// document) with libxml2's XML parser into an `Element` tree.
///
/// Element names are local names (`dc:title` becomes `title`): the package
/// documents Bindery reads use each local name in one namespace only.
/// Attribute names keep their prefix (`xml:lang`, `opf:role`). The parser
/// never touches the network, substitutes no external entities and loads no
/// DTD, so a hostile book cannot make it read files or fetch URLs; libxml2's
/// document is converted and freed in the same scope.
public enum XMLDocumentReader {
    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
    /// Deeper nesting is cut off: package documents are a few levels deep.
    static let maxDepth = 32

    /// The root element, or `nil` when `data` is not well-formed XML.
    public static func parse(_ data: Data) -> Element? {
        guard !data.isEmpty, data.count < Int(Int32.max) else { return nil }
        return data.withUnsafeBytes { bytes -> Element? in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let document = xmlReadMemory(base, Int32(bytes.count), nil, nil, options) else { return nil }
            defer { xmlFreeDoc(document) }
            guard let root = xmlDocGetRootElement(document) else { return nil }
            return convert(root, depth: 0)
        }
    }

    private static func convert(_ node: xmlNodePtr, depth: Int) -> Element {
        var attributes: [Attribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            if let rawName = attribute.pointee.name {
                var name = String(cString: rawName)
                if let prefix = attribute.pointee.ns?.pointee.prefix { name = String(cString: prefix) + ":" + name }
                attributes.append(Attribute(name, HTMLParser.textOfAttribute(attribute)))
            }
            property = attribute.pointee.next
        }
        var children: [Node] = []
        var child = node.pointee.children
        while let current = child, depth < maxDepth {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(convert(current, depth: depth + 1)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { children.append(.text(String(cString: content))) }
            default:
                break
            }
            child = current.pointee.next
        }
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        return Element(name, attributes: attributes, children: children)
    }
}
