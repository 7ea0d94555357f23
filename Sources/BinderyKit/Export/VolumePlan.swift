import Foundation

/// What a written book weighed, part by part, for `EPUBVolumes` to decide
/// how to make it smaller or where to cut it.
struct BookSizes: Sendable {
    /// Estimated bytes each article adds to the book (its compressed page
    /// and the pictures it brings first), by chapter and position.
    var articleBytes: [[Int]]
    /// Bytes of all pictures in the book (the cover aside).
    var imageBytes = 0
    /// The finished file's size.
    var total = 0

    init(chapterCount: Int) {
        articleBytes = Array(repeating: [], count: chapterCount)
    }

    /// XHTML deflates to about a third; a zip entry and a manifest item cost about 200 bytes.
    mutating func add(_ article: BoundArticle, page: EPUBWriter.PreparedPage) {
        let images = article.newAssets.reduce(0) { $0 + $1.data.count + 200 }
        imageBytes += images
        articleBytes[article.chapterIndex].append(images + page.byteCount / 3 + 200)
    }

    var contentBytes: Int { articleBytes.joined().reduce(0, +) }

    /// Cover, title page, navigation, stylesheet and zip directory.
    var overhead: Int { max(0, total - contentBytes) }

    /// The size this book would have with its pictures at `settings`
    /// instead of `base` (a rough JPEG model: bytes grow with the area and
    /// with quality as `jpegBytes` says). Pictures already smaller than the
    /// new box shrink less than predicted; the caller measures anyway.
    func predicted(with settings: PictureSettings, from base: PictureSettings) -> Int {
        var factor = Self.jpegBytes(settings.quality) / Self.jpegBytes(base.quality)
        if let new = settings.box, let old = base.box ?? DevicePreset.ereader.box {
            factor *= min(1, Double(new.width * new.height) / Double(old.width * old.height))
        }
        return total - imageBytes + Int(Double(imageBytes) * factor)
    }

    /// Relative size of a baseline JPEG photo at quality `q` (1 at 75),
    /// a rough model of libjpeg on photos (on the benchmark's photos quality
    /// 60 gives about two thirds of the bytes of quality 75).
    static func jpegBytes(_ q: Int) -> Double {
        let table: [(Int, Double)] = [(1, 0.1), (30, 0.44), (40, 0.52), (50, 0.6), (60, 0.69), (70, 0.88), (75, 1.0),
                                      (80, 1.2), (85, 1.5), (90, 1.9), (95, 3.0), (100, 5.0)]
        let q = min(100, max(1, q))
        for (lower, upper) in zip(table, table.dropFirst()) where q <= upper.0 {
            let t = Double(q - lower.0) / Double(upper.0 - lower.0)
            return lower.1 + t * (upper.1 - lower.1)
        }
        return table.last!.1
    }
}

/// Where a book is cut into volumes: contiguous runs of chapters of about
/// equal weight, a chapter too heavy for one volume cut between articles.
enum VolumePlan {
    /// One volume's share of the digest.
    struct Part {
        var digest: Digest
    }

    /// A volume may be filled to this share of the budget by the estimate
    /// (estimates err; an over-full volume is cut again).
    static let fill = 0.9

    /// The fewest parts that the estimate says fit in `maxBytes` each, in book order.
    static func initial(digest: Digest, sizes: BookSizes, maxBytes: Int) -> [Part] {
        // The whole book's fixed part overstates a volume's (its cover names
        // every source and day of the book); where it would leave a volume
        // less than half the budget, plan with half and let measuring cut
        // again, rather than one volume per article.
        let usable = Int(Double(maxBytes) * fill)
        let room = max(1, usable - sizes.overhead, usable / 2)
        let content = sizes.contentBytes
        let count = max(2, (content + room - 1) / room)
        let target = max(1, (content + count - 1) / count)
        // Units: whole chapters, or single articles of a chapter heavier than a volume.
        var units: [(chapter: Int, articles: Range<Int>, bytes: Int)] = []
        for (index, chapter) in digest.chapters.enumerated() {
            let weights = sizes.articleBytes.indices.contains(index) ? sizes.articleBytes[index] : []
            let bytes = weights.reduce(0, +)
            if bytes > room && chapter.articles.count > 1 {
                for position in chapter.articles.indices {
                    units.append((index, position..<(position + 1), weights.indices.contains(position) ? weights[position] : 0))
                }
            } else {
                units.append((index, chapter.articles.indices, bytes))
            }
        }
        var groups: [[(chapter: Int, articles: Range<Int>, bytes: Int)]] = [[]]
        var filled = 0
        for unit in units {
            if !groups[groups.count - 1].isEmpty && (filled + unit.bytes > room || filled >= target) {
                groups.append([])
                filled = 0
            }
            groups[groups.count - 1].append(unit)
            filled += unit.bytes
        }
        return groups.map { group in
            Part(digest: narrowed(digest, to: group.map { ($0.chapter, $0.articles) }))
        }
    }

    /// `part` cut in two of about equal weight (by `sizes`, measured on the
    /// part's own book): between chapters, else between the articles of its
    /// one chapter; `nil` for a single article.
    static func halve(_ part: Part, sizes: BookSizes) -> (Part, Part)? {
        let chapters = part.digest.chapters
        var units: [(chapter: Int, articles: Range<Int>, bytes: Int)] = []
        if chapters.count > 1 {
            for (index, chapter) in chapters.enumerated() {
                units.append((index, chapter.articles.indices, sizes.articleBytes.indices.contains(index) ? sizes.articleBytes[index].reduce(0, +) : 0))
            }
        } else if let chapter = chapters.first, chapter.articles.count > 1 {
            let weights = sizes.articleBytes.first ?? []
            for position in chapter.articles.indices {
                units.append((0, position..<(position + 1), weights.indices.contains(position) ? weights[position] : 0))
            }
        } else {
            return nil
        }
        let half = units.reduce(0) { $0 + $1.bytes } / 2
        var cut = 1
        var running = units[0].bytes
        while cut < units.count - 1 && running + units[cut].bytes / 2 < half {
            running += units[cut].bytes
            cut += 1
        }
        let first = units[..<cut].map { ($0.chapter, $0.articles) }
        let second = units[cut...].map { ($0.chapter, $0.articles) }
        return (Part(digest: narrowed(part.digest, to: first)), Part(digest: narrowed(part.digest, to: second)))
    }

    /// The digest with only the listed articles, chapters kept in order;
    /// consecutive pieces of one chapter are merged.
    static func narrowed(_ digest: Digest, to pieces: [(chapter: Int, articles: Range<Int>)]) -> Digest {
        var chapters: [Chapter] = []
        var lastIndex: Int?
        for (index, range) in pieces {
            let source = digest.chapters[index]
            let articles = Array(source.articles[range])
            if lastIndex == index {
                chapters[chapters.count - 1].articles += articles
            } else {
                chapters.append(Chapter(key: source.key, start: source.start, articles: articles))
            }
            lastIndex = index
        }
        return Digest(chapters: chapters, options: digest.options)
    }
}
