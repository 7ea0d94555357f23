import Foundation

/// A second reading of an ill-formed feed, one entry at a time.
///
/// libxml2's recovery loses the rest of a document after some damage (an
/// unescaped `<p>` left open in a description swallows the items after
/// it). Cut at each `<item>` or `<entry>` start tag, every entry is parsed
/// on its own, so damage stays inside the entry it is in. An entry with
/// neither link nor id (the torn last entry of a cut-off download) is not
/// kept.
enum EntrySalvage {
    static func entries(_ bytes: [UInt8], charset: String?, format: FeedFormat, documentURL: URL?) -> [FeedEntry] {
        let text = CharacterDecoding.decode(bytes, declared: [charset, CharacterDecoding.xmlDeclaredEncoding(bytes)]).text
        let tag = format == .atom ? "entry" : "item"
        let chunks = pieces(of: text, startingAt: "<" + tag)
        return chunks.compactMap { chunk -> FeedEntry? in
            // Atom elements are known by their namespace, lost with the root.
            let wrapped = format == .atom ? "<feed xmlns=\"\(FeedVocabulary.atom.uri!)\">\(chunk)</feed>" : chunk
            let document = XMLDocumentParser.parse(Array(wrapped.utf8), httpCharset: "UTF-8", documentURL: documentURL)
            guard var root = document.root else { return nil }
            if format == .atom {
                guard let entry = root.child("entry", in: .atom) else { return nil }
                root = entry
            }
            let entry = format == .atom ? AtomFeedReader.entry(root) : RSSFeedReader.entry(root)
            return entry.link == nil && entry.id == nil ? nil : entry
        }
    }

    /// The text from each `opening` start tag to the next (or to the end).
    private static func pieces(of text: String, startingAt opening: String) -> [Substring] {
        var starts: [String.Index] = []
        var search = text.startIndex
        while let found = text.range(of: opening, range: search..<text.endIndex) {
            let after = found.upperBound
            if after < text.endIndex, [">", " ", "\n", "\r", "\t", "/"].contains(text[after]) { starts.append(found.lowerBound) }
            search = after
        }
        return starts.enumerated().map { index, start in
            let end = index + 1 < starts.count ? starts[index + 1] : text.endIndex
            var piece = text[start..<end]
            // Whatever closes the channel or feed after the last entry is not part of it.
            if index + 1 == starts.count, let close = piece.range(of: "</channel") ?? piece.range(of: "</feed") ?? piece.range(of: "</rdf:RDF") {
                piece = piece[..<close.lowerBound]
            }
            return piece
        }
    }
}
