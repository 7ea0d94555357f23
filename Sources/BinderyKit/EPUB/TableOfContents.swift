/// The book's table of contents (chapter → articles, or chapter → source →
/// articles in a chapter split by source), with hrefs
/// relative to the package folder. The nav document and the NCX are both
/// rendered from this one value, so they list the same titles and targets.
struct TableOfContents: Sendable {
    struct Entry: Sendable, Equatable {
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

    /// Levels of the deepest branch: the NCX `dtb:depth` (3 at most:
    /// chapter → source → article, as calibre's periodicals nest for Kindle).
    var depth: Int { Self.depth(entries) }

    private static func depth(_ entries: [Entry]) -> Int {
        entries.map { 1 + depth($0.children) }.max() ?? 0
    }
}
