import Foundation

/// The package document (EPUB 3.3 §5): metadata, manifest, spine, plus the
/// EPUB 2 `guide` and cover `meta` that older reading systems look for.
struct PackageDocument: Sendable {
    var metadata: BookMetadata
    var contents: PackageContents
    var landmarks: [TableOfContents.Landmark]
    /// Manifest id of the NCX, referenced by the spine's `toc` attribute.
    var ncxID: String
    /// Manifest id of the cover image, if the book has one.
    var coverImageID: String?
    /// The first article's local day, `CCYY-MM-DD`.
    var date: String?
    var description: String?
    /// `dc:subject`s: the articles' most frequent tags.
    var subjects: [String] = []

    static let identifierID = "book-id"
    /// Library views show a handful; a digest of many feeds names the rest in its description.
    static let contributorLimit = 20

    func render() -> Data {
        let root = XMLTree.element("package", [
            ("xmlns", "http://www.idpf.org/2007/opf"), ("version", "3.0"),
            ("unique-identifier", Self.identifierID), ("xml:lang", metadata.language),
        ], [metadataElement(), manifest(), spine(), guide()].compactMap { $0 })
        return XMLTree.document(root)
    }

    private func metadataElement() -> Node {
        var children: [Node] = [
            XMLTree.element("dc:identifier", [("id", Self.identifierID)], text: metadata.identifier),
            XMLTree.element("dc:title", text: metadata.title),
            XMLTree.element("dc:language", text: metadata.language),
        ]
        for creator in metadata.creators where !creator.isEmpty {
            children.append(XMLTree.element("dc:creator", text: creator))
        }
        for contributor in metadata.contributors.prefix(Self.contributorLimit) where !contributor.isEmpty {
            children.append(XMLTree.element("dc:contributor", text: contributor))
        }
        if let publisher = metadata.publisher, !publisher.isEmpty {
            children.append(XMLTree.element("dc:publisher", text: publisher))
        }
        if let date { children.append(XMLTree.element("dc:date", text: date)) }
        for subject in subjects where !subject.isEmpty {
            children.append(XMLTree.element("dc:subject", text: subject))
        }
        if let description, !description.isEmpty {
            children.append(XMLTree.element("dc:description", text: description))
        }
        if let series = metadata.series, !series.isEmpty {
            // EPUB 3.3 §D.3.3 (calibre reads it as the book's series).
            children.append(XMLTree.element("meta", [("property", "belongs-to-collection"), ("id", "collection")], text: series))
            children.append(XMLTree.element("meta", [("refines", "#collection"), ("property", "collection-type")], text: "series"))
        }
        // Exactly one, UTC, whole seconds (EPUB 3.3 §5.5.6).
        children.append(XMLTree.element("meta", [("property", "dcterms:modified")], text: W3CDateTime.utc(metadata.modified)))
        if let coverImageID {
            // OPF 2.0 convention still read by Kindle conversion and older readers.
            children.append(XMLTree.element("meta", [("name", "cover"), ("content", coverImageID)]))
        }
        return XMLTree.element("metadata", [("xmlns:dc", "http://purl.org/dc/elements/1.1/")], children)
    }

    private func manifest() -> Node {
        XMLTree.element("manifest", [], contents.items.map { item in
            var attributes = [("id", item.id), ("href", item.href), ("media-type", item.mediaType)]
            if !item.properties.isEmpty { attributes.append(("properties", item.properties.joined(separator: " "))) }
            return XMLTree.element("item", attributes)
        })
    }

    private func spine() -> Node {
        XMLTree.element("spine", [("toc", ncxID)], contents.spine.map { item in
            XMLTree.element("itemref", [("idref", item.id)])
        })
    }

    private func guide() -> Node? {
        guard !landmarks.isEmpty else { return nil }
        return XMLTree.element("guide", [], landmarks.map { landmark in
            XMLTree.element("reference", [("type", landmark.guideType), ("title", landmark.title), ("href", landmark.href)])
        })
    }
}
