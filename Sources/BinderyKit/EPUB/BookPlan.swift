import Foundation

/// The book's reading order, decided from the digest before any page is
/// written: which file each article gets, which chapter and section it is
/// listed under, and what comes before and after it. Article pages link
/// to their neighbours as they are written (the book is streamed), so the
/// order has to be known first.
///
/// Files are numbered in reading order (`text/a00001.xhtml`, …), chapters
/// by their place in the digest (`text/c0001.xhtml`).
struct BookPlan: Sendable {
    struct Entry: Sendable {
        var href: String
        var id: String
        var chapter: Int
        var section: Int
        /// 1-based place in its chapter's reading order (the chapter page is 0).
        var position: Int
    }

    struct PlannedSection: Sendable {
        /// The source heading; `nil` when the chapter is not split.
        var title: String?
        /// `s1`, `s2`, … on the chapter page; `nil` when not split.
        var anchor: String?
        /// Indices into `entries`, in reading order.
        var entries: [Int]
    }

    struct PlannedChapter: Sendable {
        var digestIndex: Int
        var heading: String
        var href: String
        var id: String
        var sections: [PlannedSection]
        var isSplit: Bool { sections.first?.title != nil }
        var entryIndices: [Int] { sections.flatMap(\.entries) }
    }

    private(set) var chapters: [PlannedChapter] = []
    /// Every article, in reading order.
    private(set) var entries: [Entry] = []
    /// `[digest chapter][index in the digest chapter]` → index into `entries`.
    private var slots: [[Int]] = []
    private var bySource: [SourceFile: Int] = [:]

    init(digest: Digest, layout: BookLayout, heading: (Chapter) -> String, otherSources: String) {
        bySource.reserveCapacity(digest.articleCount)
        entries.reserveCapacity(digest.articleCount)
        for (chapterIndex, chapter) in digest.chapters.enumerated() {
            var slot = Array(repeating: 0, count: chapter.articles.count)
            var sections: [PlannedSection] = []
            var position = 0
            for (sectionIndex, group) in Self.groups(chapter.articles, layout: layout, otherSources: otherSources).enumerated() {
                var section = PlannedSection(title: group.title, anchor: group.title == nil ? nil : "s\(sectionIndex + 1)", entries: [])
                for articleIndex in group.members {
                    let number = entries.count + 1
                    position += 1
                    slot[articleIndex] = entries.count
                    section.entries.append(entries.count)
                    let id = "a" + number.zeroPadded(5)
                    entries.append(Entry(href: "text/" + id + ".xhtml", id: id,
                                         chapter: chapterIndex, section: sectionIndex, position: position))
                    // -1: two articles from one file (given twice); found by order instead.
                    let origin = chapter.articles[articleIndex].origin
                    bySource[origin] = bySource[origin] == nil ? entries.count - 1 : -1
                }
                sections.append(section)
            }
            slots.append(slot)
            let id = "c" + (chapterIndex + 1).zeroPadded(4)
            chapters.append(PlannedChapter(digestIndex: chapterIndex, heading: heading(chapter), href: "text/" + id + ".xhtml",
                                           id: id, sections: sections))
        }
    }

    /// The entry of the `index`-th article of digest chapter `chapter`.
    func entry(chapter: Int, index: Int) -> Int? {
        guard slots.indices.contains(chapter), slots[chapter].indices.contains(index) else { return nil }
        return slots[chapter][index]
    }

    /// The entry of an article by its file, when no other article shares it.
    func entry(of article: Article) -> Int? {
        guard let index = bySource[article.origin], index >= 0 else { return nil }
        return index
    }

    /// The articles' groups: one in digest order, or one per source (most
    /// articles first, then by name; an article without a source last).
    private static func groups(_ articles: [Article], layout: BookLayout, otherSources: String)
        -> [(title: String?, members: [Int])] {
        let all = (title: String?.none, members: Array(articles.indices))
        guard layout.sections == .source, articles.count >= layout.sectionThreshold else { return [all] }
        var members: [String: [Int]] = [:]
        var unknown: [Int] = []
        for (index, article) in articles.enumerated() {
            if let source = article.publisherName { members[source, default: []].append(index) } else { unknown.append(index) }
        }
        guard members.count + (unknown.isEmpty ? 0 : 1) > 1 else { return [all] }
        var groups: [(title: String?, members: [Int])] = members
            .sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            .map { ($0.key, $0.value) }
        if !unknown.isEmpty { groups.append((otherSources, unknown)) }
        return groups
    }
}
