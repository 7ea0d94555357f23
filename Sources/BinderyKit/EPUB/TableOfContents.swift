/// The book's table of contents, two levels (chapter → articles), with hrefs
/// relative to the package folder. The nav document and the NCX are both
/// rendered from this one value, so they list the same titles and targets.
struct TableOfContents: Sendable {
    struct Entry: Sendable {
        var title: String
        var href: String
        var children: [Entry] = []
    }

    /// A landmark (EPUB 3.3 §7.4.3.3 / EPUB 2 `guide`): structural type,
    /// title and target.
    struct Landmark: Sendable {
        /// `epub:type` in the nav; EPUB 2 guide type below.
        var type: String
        var guideType: String
        var title: String
        var href: String
    }

    var entries: [Entry]
    var landmarks: [Landmark]

    /// 1 when no entry has children, else 2: the NCX `dtb:depth`.
    var depth: Int { entries.contains { !$0.children.isEmpty } ? 2 : 1 }
}
