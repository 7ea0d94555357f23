import Foundation

/// Video, audio and embedded pages cannot play in an e-book. Rather than
/// vanish, each becomes an embed placeholder (`HTMLVocabulary.embedElement`,
/// an `Embed` in the content model) that links to where it can be watched or
/// heard: the media's own `http(s)` source, a watch page for a YouTube/Vimeo
/// player, else the article itself. A video's `poster` is shown in its place
/// as an image.
struct ReplaceEmbedsWithLinks: ElementRule {
    var elementNames: Set<String>? { ["video", "audio", "iframe"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        switch element.name {
        case "video":
            var nodes: [Node] = []
            if let poster = element[attribute: "poster"], let src = context.links.resolveWebURL(poster) {
                nodes.append(.element(Element("img", attributes: [Attribute("src", src), Attribute("alt", "")])))
            }
            nodes.append(Self.placeholder(.video, url: mediaURL(of: element, in: context)))
            return nodes
        case "audio":
            return [Self.placeholder(.audio, url: mediaURL(of: element, in: context))]
        case "iframe":
            guard let src = element[attribute: "src"] ?? element[attribute: "data-src"],
                let url = context.links.resolveWebURL(src)
            else { return [] }
            if let watch = Self.watchPage(forPlayer: url) { return [Self.placeholder(.video, url: watch)] }
            return [Self.placeholder(.page, url: url)]
        default:
            return nil
        }
    }

    /// The element's `src`, else its first `source` with an `http(s)` URL,
    /// else the article URL.
    private func mediaURL(of element: Element, in context: CleaningContext) -> String? {
        var candidates: [String] = []
        if let src = element[attribute: "src"] { candidates.append(src) }
        for source in element.children.descendants(named: "source") {
            if let src = source[attribute: "src"] { candidates.append(src) }
        }
        for candidate in candidates {
            if let url = context.links.resolveWebURL(candidate) { return Self.watchPage(forPlayer: url) ?? url }
        }
        return context.links.base?.absoluteString
    }

    static func placeholder(_ kind: Embed.Kind, url: String?, title: String? = nil) -> Node {
        var attributes = [Attribute(HTMLVocabulary.embedKindAttribute, kind.rawValue)]
        if let url { attributes.append(Attribute(HTMLVocabulary.embedURLAttribute, url)) }
        if let title { attributes.append(Attribute("title", title)) }
        return .element(Element(HTMLVocabulary.embedElement, attributes: attributes))
    }

    /// The watch page of a known video player URL: YouTube
    /// (`youtube.com/embed/ID`, `youtube-nocookie.com/embed/ID`) and Vimeo
    /// (`player.vimeo.com/video/ID`).
    static func watchPage(forPlayer url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased() else { return nil }
        let parts = components.path.split(separator: "/").map(String.init)
        if host.hasSuffix("youtube.com") || host.hasSuffix("youtube-nocookie.com") {
            guard parts.count >= 2, parts[0] == "embed", Self.isPlainID(parts[1]) else { return nil }
            return "https://www.youtube.com/watch?v=\(parts[1])"
        }
        if host == "player.vimeo.com", parts.count >= 2, parts[0] == "video", Self.isPlainID(parts[1]) {
            return "https://vimeo.com/\(parts[1])"
        }
        return nil
    }

    private static func isPlainID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
