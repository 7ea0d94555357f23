/// Gives every image one usable `src` and an `alt`.
///
/// Sources are tried best first: the `srcset` candidate that suits an
/// e-reader (`Srcset.best`), the lazy-loading attributes sites fill in with
/// JavaScript, then `src`. Placeholders (tiny GIFs, SVG `data:` URIs) are
/// skipped; `data:` URIs survive only as real JPEG/PNG/GIF/WebP; schemes
/// other than `http(s)` are refused. Root- and protocol-relative sources are
/// resolved against the article URL; plain relative paths stay as written for
/// the Assets stage. A `picture` becomes its `img`, preferring JPEG/PNG
/// `source`s (the formats e-readers show best). An image without any usable
/// source is replaced by its alt text. Image proxies are left to Assets.
struct ChooseImageSource: ElementRule {
    static let lazySourceAttributes = ["data-src", "data-original", "data-lazy-src", "data-original-src", "data-actualsrc"]
    static let srcsetAttributes = ["srcset", "data-srcset", "data-lazy-srcset"]
    /// Attributes consumed here; `FilterAttributes` would drop them anyway.
    static let consumedAttributes: Set<String> = Set(lazySourceAttributes + srcsetAttributes + ["sizes", "loading", "decoding"])

    var elementNames: Set<String>? { ["img", "picture"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        switch element.name {
        case "img": return chooseSource(of: &element, preferred: nil, in: &context)
        case "picture": return picture(element, in: &context)
        default: return nil
        }
    }

    /// The chosen image, then whatever else the `picture` holds (text a
    /// browser shows too, or what an unclosed `picture` swallowed).
    private func picture(_ picture: Element, in context: inout CleaningContext) -> [Node] {
        // libxml2 does not know `source` is void, so later siblings nest inside it.
        var content = HoistContentOutOfVoidElements.flattened(picture.children)
        let imageIndex = content.firstIndex { $0.isElement(named: "img") }
        var image = imageIndex.map { content.remove(at: $0).element! } ?? firstImage(in: content) ?? Element("img")
        let sources = content.descendants(named: "source").compactMap { source -> Srcset.Candidate? in
            let srcset = Self.srcsetAttributes.lazy.compactMap { source[attribute: $0] }.first ?? source[attribute: "src"] ?? ""
            guard let best = Srcset(srcset).best else { return nil }
            return Self.isJPEGOrPNG(type: source[attribute: "type"], url: best.url) ? best : nil
        }
        content.removeAll { $0.isElement(named: "source") }
        if let replacement = chooseSource(of: &image, preferred: sources.first?.url, in: &context) { return replacement + content }
        return [.element(image)] + content
    }

    private func firstImage(in nodes: [Node]) -> Element? {
        for case .element(let child) in nodes {
            if child.name == "img" { return child }
            if let image = firstImage(in: child.children) { return image }
        }
        return nil
    }

    static func isJPEGOrPNG(type: String?, url: String) -> Bool {
        if let type = type?.lowercased(), !type.isEmpty {
            return type == "image/jpeg" || type == "image/jpg" || type == "image/png"
        }
        let path = url.split(separator: "?", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return path.hasSuffix(".jpg") || path.hasSuffix(".jpeg") || path.hasSuffix(".png")
    }

    /// Sets the chosen `src` and `alt`; returns the alt text instead when no
    /// source is usable.
    private func chooseSource(of image: inout Element, preferred: String?, in context: inout CleaningContext) -> [Node]? {
        var candidates: [String] = []
        if let preferred { candidates.append(preferred) }
        for name in Self.srcsetAttributes {
            if let srcset = image[attribute: name], let best = Srcset(srcset).best { candidates.append(best.url) }
        }
        for name in Self.lazySourceAttributes {
            if let lazy = image[attribute: name] { candidates.append(lazy) }
        }
        if let src = image[attribute: "src"] { candidates.append(src) }

        let alt = image[attribute: "alt"] ?? image[attribute: "title"] ?? ""
        let links = context.links
        guard let source = candidates.lazy.compactMap({ usableSource($0, links: links) }).first else {
            if let refused = candidates.first(where: { !isPlaceholder($0) }) {
                context.report("dropped an image with an unusable source: \(refused.prefix(80))")
            }
            return alt.isEmpty ? [] : [.text(alt)]
        }
        image.attributes.removeAll { Self.consumedAttributes.contains($0.name) }
        image[attribute: "src"] = source
        image[attribute: "alt"] = alt
        return nil
    }

    private func usableSource(_ raw: String, links: LinkResolver) -> String? {
        let trimmed = LinkResolver.trimmed(raw)
        guard !trimmed.isEmpty else { return nil }
        switch URIScheme.of(trimmed) {
        case "data"?:
            return DataImageURI.classify(trimmed) == .raster ? trimmed : nil
        case "http"?, "https"?:
            return WebURL.withValidHost(WebURL.percentEncoded(trimmed))
        case nil:
            return links.resolveImageSource(trimmed)
        default:
            return nil
        }
    }

    private func isPlaceholder(_ raw: String) -> Bool {
        let trimmed = LinkResolver.trimmed(raw)
        return trimmed.isEmpty || (URIScheme.of(trimmed) == "data" && DataImageURI.classify(trimmed) == .placeholder)
    }
}
