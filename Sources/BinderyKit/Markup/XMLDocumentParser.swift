import CLibXML2
import Foundation

/// Parses XML documents (feeds, OPML) with libxml2 into `XMLElementNode`
/// values.
///
/// The bytes are decoded first (`CharacterDecoding`: HTTP charset, BOM, XML
/// declaration or sniffing — GB2312/GBK/Big5 feeds exist), then mended
/// (`XMLEntityRepair`: HTML entities, bare `&`), then parsed as UTF-8 in
/// libxml2's recover mode, so an ill-formed document is read as far as it
/// goes and its errors are reported, not thrown. No network, no external
/// entities, no DTD loading. libxml2's document is converted and freed in
/// the same scope.
public enum XMLDocumentParser {
    /// Recover, no network, CDATA as text, silent (errors are collected),
    /// and the declared encoding ignored: the text is UTF-8 by then.
    private static let options = Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    /// How many error messages are kept (all are counted).
    static let keptErrors = 5
    /// Deeper elements are flattened into their text (feeds nest a few
    /// levels; recursion must stay within a thread's stack).
    static let maxDepth = 128

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Parses `bytes`. `httpCharset` is the `charset` of the HTTP
    /// `Content-Type`, if any; `documentURL` is the base of relative
    /// references outside any `xml:base`.
    public static func parse(_ bytes: [UInt8], httpCharset: String? = nil, documentURL: URL? = nil) -> ParsedXML {
        let decoded = CharacterDecoding.decode(bytes, declared: [httpCharset, CharacterDecoding.xmlDeclaredEncoding(bytes)])
        let (text, repairs) = XMLEntityRepair.repair(decoded.text)
        var result = ParsedXML(root: nil, encoding: decoded.encoding, invalidBytes: decoded.replacements,
                               repairs: repairs, errors: [], errorCount: 0)
        _ = libxml2Ready
        let collector = ErrorCollector()
        var utf8 = text
        utf8.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else { return }
            let context = Unmanaged.passUnretained(collector).toOpaque()
            // libxml2 keeps the structured handler per thread: set for this
            // parse only, on this thread only.
            xmlSetStructuredErrorFunc(context, collectError)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            let cBase = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let document = xmlReadMemory(cBase, Int32(buffer.count), documentURL?.absoluteString, "UTF-8", options) else {
                return
            }
            defer { xmlFreeDoc(document) }
            if let root = xmlDocGetRootElement(document) {
                result.root = convert(root, parentBase: documentURL, depth: 0)
            }
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            collector.record("the document is empty")
        }
        result.errors = collector.messages
        result.errorCount = collector.count
        return result
    }

    // MARK: Conversion

    private static func convert(_ node: xmlNodePtr, parentBase: URL?, depth: Int) -> XMLElementNode {
        var attributes: [XMLAttributeValue] = []
        var base = parentBase
        var property = node.pointee.properties
        while let attribute = property {
            let name = attribute.pointee.name.map { String(cString: $0) } ?? ""
            let namespace = attribute.pointee.ns?.pointee.href.map { String(cString: $0) }
            let value = HTMLParser.textOfAttribute(attribute)
            if namespace == xmlNamespace && name == "base" {
                base = URLReference.resolve(value, against: parentBase) ?? parentBase
            }
            if !name.isEmpty { attributes.append(XMLAttributeValue(name: name, namespace: namespace, value: value)) }
            property = attribute.pointee.next
        }
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) }
        var element = XMLElementNode(name: name, namespace: namespace, attributes: attributes, base: base)
        element.children = convertChildren(node.pointee.children, base: base, depth: depth + 1)
        return element
    }

    private static func convertChildren(_ first: xmlNodePtr?, base: URL?, depth: Int) -> [XMLChild] {
        var children: [XMLChild] = []
        var child = first
        while let node = child {
            switch node.pointee.type {
            case XML_ELEMENT_NODE where depth >= maxDepth:
                appendText(flattenedText(node), to: &children)
            case XML_ELEMENT_NODE:
                children.append(.element(convert(node, parentBase: base, depth: depth)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { appendText(String(cString: content), to: &children) }
            case XML_ENTITY_REF_NODE:
                // An entity the document declared in its internal subset: its
                // replacement text. External entities are never read.
                if let document = node.pointee.doc, let name = node.pointee.name,
                   let entity = xmlGetDocEntity(document, name), entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY,
                   let content = entity.pointee.content {
                    appendText(String(cString: content), to: &children)
                }
            default:
                break  // comments, processing instructions
            }
            child = node.pointee.next
        }
        return children
    }

    private static func appendText(_ text: String, to children: inout [XMLChild]) {
        if case .text(let previous)? = children.last {
            children[children.count - 1] = .text(previous + text)
        } else if !text.isEmpty {
            children.append(.text(text))
        }
    }

    private static func flattenedText(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { xmlFree(content) }
        return String(cString: content)
    }

    // MARK: Errors

    /// What libxml2 reported during one parse.
    private final class ErrorCollector {
        var messages: [String] = []
        var count = 0

        func record(_ message: String) {
            count += 1
            if messages.count < XMLDocumentParser.keptErrors { messages.append(message) }
        }
    }

    private static let collectError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
        // Warnings (level 1) are not errors of the document.
        guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.pointee.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "error \(error.pointee.code)"
        collector.record("line \(error.pointee.line): \(message)")
    }
}

/// libxml2's global tables must be set up once before threads parse
/// concurrently; a global `let` runs its initializer exactly once.
private let libxml2Ready: Void = { xmlInitParser() }()
