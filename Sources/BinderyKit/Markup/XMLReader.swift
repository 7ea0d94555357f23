import CLibXML2

/// Reads XML strictly — XML 1.0 well-formedness and namespace
/// well-formedness, no recovery, no network, no entities beyond XML's own —
/// into `Node` values. This is how the tests and the fuzz target read back
/// the XHTML Bindery writes, as a reading system's XML parser would.
enum XMLReader {
    /// Why a document is not well-formed: libxml2's first error.
    struct Malformed: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// The root element; names are qualified (`epub:type`), text decoded.
    static func parse(_ xml: String) -> Result<Element, Malformed> {
        _ = libxml2Initialized
        guard let context = xmlNewParserCtxt() else { return .failure(Malformed(line: 0, message: "out of memory")) }
        defer { xmlFreeParserCtxt(context) }
        var xml = xml
        return xml.withUTF8 { bytes -> Result<Element, Malformed> in
            guard bytes.count < Int(Int32.max) else { return .failure(Malformed(line: 0, message: "document too large")) }
            let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            let document = xmlCtxtReadMemory(context, base, Int32(bytes.count), nil, "UTF-8", options)
            defer { if let document { xmlFreeDoc(document) } }
            guard let document, context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0,
                  let root = xmlDocGetRootElement(document)
            else {
                let error = context.pointee.lastError
                let message = error.message.map { String(cString: $0) } ?? "not well-formed"
                return .failure(Malformed(line: Int(error.line), message: message.trimmingHTMLWhitespace()))
            }
            return .success(element(root))
        }
    }

    private static func element(_ node: xmlNodePtr) -> Element {
        var attributes: [Attribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            var value = ""
            var child = attribute.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            attributes.append(Attribute(qualifiedName(attribute.pointee.name, attribute.pointee.ns), value))
            property = attribute.pointee.next
        }
        var children: [Node] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(element(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { children.append(.text(String(cString: content))) }
            default:
                break
            }
            child = current.pointee.next
        }
        return Element(qualifiedName(node.pointee.name, node.pointee.ns), attributes: attributes, children: children)
    }

    private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ namespace: xmlNsPtr?) -> String {
        let local = name.map { String(cString: $0) } ?? ""
        guard let prefix = namespace?.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }
}
