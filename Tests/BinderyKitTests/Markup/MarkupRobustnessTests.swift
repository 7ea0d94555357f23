import XCTest
@testable import BinderyKit

/// Cleaning never crashes and always yields well-formed, valid-shaped XHTML,
/// whatever the input; and it is fast enough for 10,000 articles.
final class MarkupRobustnessTests: XCTestCase {
    private static let fragments = [
        "<p>", "</p>", "<div>", "</div>", "<b>", "</i>", "<a href=\"#x\">", "<a href=\"/r\">", "</a>", "<br>", "<br/><br/>",
        "<table>", "<tr>", "<td>", "</table>", "<ul>", "<li>", "<dl><dd>", "<h1>", "<figure>", "<figcaption>", "<img src=x>",
        "<img srcset=\"a 1w,,b\">", "<video>", "<source src=//v>", "<iframe src=\"//www.youtube.com/embed/\">", "<script>",
        "</script>", "<style>", "<svg>", "<noscript>", "<font>", "<center>", "<pre>", "<ruby><rt>", "<select><option>",
        "<!--", "-->", "&nbsp;", "&amp", "&#0;", "&#xD800;", "\u{0}", "\r", "😀", "中文", "text ", "<![CDATA[x]]>", "<?pi?>",
        "<div><i>d</i></div>", "<div><small>c</small></div>", "<hr><div>获取更多RSS</div>", "<a name=1 id=1>", "<p id=\"a:b\">",
        "<q>", "<bdo>", "<abbr>", "<caption>", "<thead>", "<colgroup><col>", "<math><mi>x</mi></math>", "<x:y>", "<",
        ">", "\"", "'", "=",
    ]

    func testTagSoupNeverBreaksWellFormedness() {
        var random = SplitMix64(state: 42)
        let cleaner = ArticleCleaner()
        let article = MarkupTestSupport.article()
        for round in 0..<400 {
            var html = ""
            for _ in 0..<Int.random(in: 1...60, using: &random) { html += Self.fragments.randomElement(using: &random)! }
            let body = MarkupTestSupport.xhtml(cleaner.clean(article, html: html).0.body)
            XCTAssertNil(MarkupTestSupport.wellFormednessProblem(body: body), "round \(round): \(html)")
        }
    }

    func testRandomBytesNeverCrash() {
        var random = SplitMix64(state: 7)
        let cleaner = ArticleCleaner()
        let article = MarkupTestSupport.article()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...2000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let body = MarkupTestSupport.xhtml(cleaner.clean(article, html: String(decoding: bytes, as: UTF8.self)).0.body)
            XCTAssertNil(MarkupTestSupport.wellFormednessProblem(body: body))
        }
    }

    func testDeeplyNestedInputKeepsItsTextWithinTheDepthBound() {
        // 240 levels: within libxml2's own limit (256), beyond ours (64).
        let html = String(repeating: "<div><span>", count: 120) + "deep <b>text</b>" + String(repeating: "</span></div>", count: 120)
        let (cleaned, _) = ArticleCleaner().clean(MarkupTestSupport.article(), html: html)
        XCTAssertEqual(cleaned.body.inlineLine.plainText, "deep text")
        XCTAssertNil(MarkupTestSupport.wellFormednessProblem(body: MarkupTestSupport.xhtml(cleaned.body)))
        // Far beyond libxml2's default limit (256): nothing crashes, nothing is lost.
        let absurd = String(repeating: "<div>", count: 20000) + "x"
        XCTAssertEqual(ArticleCleaner().clean(MarkupTestSupport.article(), html: absurd).0.body.inlineLine.plainText, "x")
    }
}

final class MarkupConcurrencyTests: XCTestCase {
    /// Exports clean articles on several threads at once: libxml2 must give
    /// the same trees as on one thread.
    func testConcurrentCleaningMatchesSerial() throws {
        let inputs = [try MarkupTestSupport.referenceBody(), MarkupTagSoupFixture.html]
        let cleaner = ArticleCleaner()
        let article = MarkupTestSupport.article()
        let serial = inputs.map { cleaner.clean(article, html: $0).0.body }
        let results = ConcurrentResults(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            results.set(index, cleaner.clean(article, html: inputs[index % inputs.count]).0.body)
        }
        for index in 0..<16 { XCTAssertEqual(results.get(index), serial[index % inputs.count]) }
    }

    private final class ConcurrentResults: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [[Block]?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: [Block]) { lock.lock(); values[index] = value; lock.unlock() }
        func get(_ index: Int) -> [Block]? { lock.lock(); defer { lock.unlock() }; return values[index] }
    }
}
