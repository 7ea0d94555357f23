import CLibXML2
import Foundation

/// Parses HTML fragments with libxml2's HTML parser into `Node` trees.
///
/// libxml2 reports the parse as events (SAX) and `FragmentBuilder` makes the
/// `Node` values from them directly: no libxml2 document is built, walked and
/// freed. The events are the ones libxml2's own tree builder receives, and
/// the tree is the one it built, except that content after the body's end is
/// kept (see `FragmentBuilder`). The parser recovers from any tag soup,
/// decodes HTML's named and numeric character references, never touches the
/// network and prints nothing.
public enum HTMLParser {
    /// The libxml2 Bindery was built against.
    static let libraryVersion = LIBXML_DOTTED_VERSION

    /// Recover from errors, stay silent, no network (libxml2's `HTML_PARSE_*`
    /// options). `XML_PARSE_HUGE` lifts libxml2's nesting limit (256):
    /// without it the parser stops at that depth and silently drops
    /// everything after — the deep text and every paragraph behind it. Deep
    /// trees cost nothing here: levels beyond `maxDepth` are flattened into
    /// their text.
    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)

    /// Elements nested deeper than this are flattened into their text: real
    /// articles nest a few dozen levels at most, and the recursive Swift
    /// passes after parsing must stay within a worker thread's stack.
    static let maxDepth = 64

    /// The children of the document's `body`: the fragment's content.
    /// Content libxml2 moves into `head` (a leading `style`, `meta`, `title`…)
    /// is not kept; content after `</body>` or `</html>` is. Never fails:
    /// unparseable input gives `[]`.
    public static func parseFragment(_ html: String) -> [Node] {
        var html = html
        return html.withUTF8(parseFragment(utf8:))
    }

    /// An article body's fragment (see `parseFragment(_:)`).
    public static func parseFragment(_ body: ArticleBody) -> [Node] {
        body.utf8.withUnsafeBufferPointer(parseFragment(utf8:))
    }

    /// `bytes` must be valid UTF-8: libxml2 reads everything after an
    /// invalid byte as Latin-1.
    private static func parseFragment(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Node] {
        _ = libxml2Initialized
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max),
              let context = htmlNewParserCtxt() else { return [] }
        defer { htmlFreeParserCtxt(context) }
        installEvents(in: context)
        // The events reach the builder through a pointer, not a class
        // reference: a class's properties are checked for exclusive
        // access at run time on every event (1.3 % of an export).
        var builder = FragmentBuilder()
        return withUnsafeMutablePointer(to: &builder) { builder in
            context.pointee._private = UnsafeMutableRawPointer(builder)
            let cBase = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            // No start-of-document event is handled, so libxml2 makes no document.
            if let document = htmlCtxtReadMemory(context, cBase, Int32(bytes.count), nil, "UTF-8", options) {
                xmlFreeDoc(document)
            }
            return builder.pointee.finish()
        }
    }

    /// Replaces libxml2's tree-building handlers with `FragmentBuilder`'s;
    /// every other event (doctype, entities, errors) is left unhandled.
    private static func installEvents(in context: htmlParserCtxtPtr) {
        guard let events = context.pointee.sax else { return }
        events.pointee = htmlSAXHandler()
        events.pointee.initialized = 1
        events.pointee.startElement = { context, name, attributes in
            guard let name else { return }
            FragmentBuilder.of(context).pointee.start(name, attributes)
        }
        events.pointee.endElement = { context, _ in FragmentBuilder.of(context).pointee.end() }
        events.pointee.characters = { context, bytes, length in
            guard let bytes, length > 0 else { return }
            FragmentBuilder.of(context).pointee.text(UnsafeBufferPointer(start: bytes, count: Int(length)), isCDATA: false)
        }
        events.pointee.cdataBlock = { context, bytes, length in
            guard let bytes, length > 0 else { return }
            FragmentBuilder.of(context).pointee.text(UnsafeBufferPointer(start: bytes, count: Int(length)), isCDATA: true)
        }
        // Comments and processing instructions are not kept, but in libxml2's
        // tree they end a text node, and each text node's line ends are
        // normalised on their own (see `FragmentBuilder.flushText`).
        events.pointee.comment = { context, _ in FragmentBuilder.of(context).pointee.boundary() }
        events.pointee.processingInstruction = { context, _, _ in FragmentBuilder.of(context).pointee.boundary() }
    }

    /// The value of an attribute: its text children, joined (used by `XMLDocumentParser`).
    static func textOfAttribute(_ attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { value += String(cString: content) }
            child = node.pointee.next
        }
        return value
    }
}

/// Makes `Node` values from libxml2's parse events: the content of the
/// document's `body`.
///
/// What libxml2 puts in `head` (a leading `style`, `meta`, `title`…) is
/// passed over. Content after `</body>` or `</html>` goes on in the body, as
/// in browsers (the HTML standard's "after body" insertion modes): libxml2's
/// own tree builder hung it outside `body`, where it was lost.
private struct FragmentBuilder {
    private struct Frame {
        var name: String
        var attributes: [Attribute]
        var children: [Node] = []
    }

    /// What an element libxml2 has open is to the fragment.
    private enum Open {
        /// `html`, `body`: transparent, their content is the fragment's.
        case structure
        /// `head` and a `frameset` beside the body, and what is in them: passed over.
        case skipped
        /// An element of the fragment (a frame of its own).
        case content
        /// An element nested beyond `HTMLParser.maxDepth`, flattened into its text.
        case flattened
    }

    private var open: [Open] = []
    private var sawBody = false
    /// `body` and the open elements in it; `frames[0]` is `body`.
    private var frames = [Frame(name: "body", attributes: [])]
    private var flattenedDepth = 0
    /// The bytes of the text node being read, and whether it is CDATA
    /// (script and style content): libxml2 does not merge the two kinds.
    private var pendingText: [UInt8] = []
    private var pendingIsCDATA = false

    /// The builder of the parse that `context` (libxml2's parser) runs.
    static func of(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<FragmentBuilder> {
        let parser = context!.assumingMemoryBound(to: xmlParserCtxt.self)
        return parser.pointee._private.assumingMemoryBound(to: FragmentBuilder.self)
    }

    /// Text and elements count only once the body has begun, inside it or
    /// after it, and never inside a passed-over element.
    private var takesContent: Bool {
        sawBody && open.last != .skipped
    }

    mutating func start(_ rawName: UnsafePointer<xmlChar>, _ rawAttributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flushText()
        let name = UnsafeRawPointer(rawName).assumingMemoryBound(to: CChar.self)
        if strcmp(name, "html") == 0 {
            open.append(open.isEmpty || takesContent ? .structure : .skipped)
            return
        }
        if strcmp(name, "body") == 0 {
            // The root's `body`; a second one, after the first was closed, is transparent too.
            let isBody = takesContent || (open.count == 1 && open[0] == .structure)
            sawBody = sawBody || isBody
            open.append(isBody ? .structure : .skipped)
            return
        }
        let inRoot = open.count == 1 && open[0] == .structure
        guard takesContent, !(inRoot && (strcmp(name, "head") == 0 || strcmp(name, "frameset") == 0)) else {
            open.append(.skipped)
            return
        }
        if flattenedDepth > 0 || frames.count - 1 >= HTMLParser.maxDepth {
            // A flattened element is one text node, even without text.
            if flattenedDepth == 0 { appendText("") }
            flattenedDepth += 1
            open.append(.flattened)
            return
        }
        frames.append(Frame(name: Self.localName(rawName), attributes: Self.attributes(rawAttributes)))
        open.append(.content)
    }

    mutating func end() {
        flushText()
        switch open.popLast() {
        case .content?: closeInnermost()
        case .flattened?: flattenedDepth -= 1
        case .structure?, .skipped?, nil: break
        }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<xmlChar>, isCDATA: Bool) {
        // Text right in `html` is only ever white space: libxml2 puts a
        // paragraph around any other.
        guard takesContent, frames.count > 1 || open.count >= 2 else { return }
        if isCDATA != pendingIsCDATA { flushText() }
        pendingIsCDATA = isCDATA
        pendingText.append(contentsOf: bytes)
    }

    mutating func boundary() {
        flushText()
    }

    /// `body`'s children; elements libxml2 left open are closed.
    mutating func finish() -> [Node] {
        flushText()
        while frames.count > 1 { closeInnermost() }
        return frames[0].children
    }

    private mutating func closeInnermost() {
        let frame = frames.removeLast()
        frames[frames.count - 1].children.append(
            .element(Element(frame.name, attributes: frame.attributes, children: frame.children)))
    }

    /// The text node read so far becomes text, with its line ends as LF
    /// (libxml2 leaves CR LF and bare CR).
    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        appendText(String(decoding: TextBytes.lineEndsAsLF(pendingText), as: UTF8.self))
        pendingText.removeAll(keepingCapacity: true)
    }

    /// Adjacent text (e.g. around a dropped comment) merges into one node.
    private mutating func appendText(_ text: String) {
        let last = frames.count - 1
        if case .text(let previous)? = frames[last].children.last {
            frames[last].children[frames[last].children.count - 1] = .text(previous + text)
        } else {
            frames[last].children.append(.text(text))
        }
    }

    /// An element's name as libxml2's tree builder keeps it: a prefix before
    /// the first colon is dropped (`o:p` is `p`), unless the name starts or
    /// ends with that colon.
    private static func localName(_ raw: UnsafePointer<xmlChar>) -> String {
        let name = String(cString: raw)
        let utf8 = name.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), colon != utf8.startIndex else { return name }
        let local = utf8.index(after: colon)
        return local == utf8.endIndex ? name : String(name[local...])
    }

    /// An element's attributes in source order; the first of repeated names
    /// wins, as in HTML. A value-less boolean attribute (`checked`) has its
    /// name as value, as libxml2's tree builder gives it.
    private static func attributes(_ raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [Attribute] {
        guard var pair = raw else { return [] }
        var attributes: [Attribute] = []
        while let rawName = pair[0] {
            let name = String(cString: rawName)
            if !attributes.contains(where: { $0.name == name }) {
                let value = pair[1].map { String(cString: $0) } ?? (htmlIsBooleanAttr(rawName) != 0 ? name : "")
                attributes.append(Attribute(name, value))
            }
            pair += 2
        }
        return attributes
    }
}

/// libxml2's global tables must be set up once before threads parse
/// concurrently; a global `let` runs its initializer exactly once.
let libxml2Initialized: Void = { xmlInitParser() }()
