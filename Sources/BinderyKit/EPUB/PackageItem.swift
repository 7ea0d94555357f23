/// One publication resource as written into the container: the single
/// record from which the zip entry, the manifest item and the spine itemref
/// are all derived, so they cannot disagree (EPUB 3.3 §5.6).
struct PackageItem: Sendable {
    /// Manifest id, an XML NCName unique in the package.
    var id: String
    /// Path relative to the package document (`text/a00001.xhtml`).
    var href: String
    var mediaType: String
    /// Manifest `properties` (`nav`, `cover-image`, `svg`, …), in order.
    var properties: [String] = []
    /// Where the item goes in reading order; `nil` for resources outside the spine.
    var spinePosition: SpinePosition?
}

/// Reading order: front matter first (by rank), then each chapter's opener
/// followed by its articles in the order they were added.
enum SpinePosition: Comparable, Sendable {
    case front(rank: Int)
    case chapter(index: Int, position: Int)

    static let cover = SpinePosition.front(rank: 0)
    static let titlePage = SpinePosition.front(rank: 1)
    static let contents = SpinePosition.front(rank: 2)
}

/// The book's publication resources, in the order they entered the zip.
struct PackageContents {
    /// Folder of the package document inside the container (OCF 3.3 §4.2).
    static let folder = "EPUB/"
    private(set) var items: [PackageItem] = []
    private var hrefs: Set<String> = []

    func contains(href: String) -> Bool { hrefs.contains(href) }

    mutating func append(_ item: PackageItem) {
        items.append(item)
        hrefs.insert(item.href)
    }

    mutating func addProperty(_ property: String, toHref href: String) {
        guard let index = items.firstIndex(where: { $0.href == href }),
              !items[index].properties.contains(property) else { return }
        items[index].properties.append(property)
    }

    /// Spine items in reading order; ties keep insertion order (stable sort).
    var spine: [PackageItem] {
        items.enumerated()
            .compactMap { offset, item in item.spinePosition.map { ($0, offset, item) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map(\.2)
    }
}
