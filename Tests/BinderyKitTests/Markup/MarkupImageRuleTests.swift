import XCTest
@testable import BinderyKit

final class MarkupImageRuleTests: XCTestCase {
    private func image(_ html: String, url: String? = "https://www.example.com/news/story.html") -> (String, [Diagnostic]) {
        MarkupTestSupport.applying(before: [ChooseImageSource()], to: html, url: url)
    }

    private static let gifPixel = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"

    func testPlainSourceGetsAltFromTitle() {
        XCTAssertEqual(image("<img src=\"https://x/a.jpg\" title=\"T\">").0, "<img src=\"https://x/a.jpg\" title=\"T\" alt=\"T\"/>")
        XCTAssertEqual(image("<img src=\"https://x/a.jpg\">").0, "<img src=\"https://x/a.jpg\" alt=\"\"/>")
    }

    func testLazySourceReplacesPlaceholder() {
        for attribute in ["data-src", "data-original", "data-lazy-src"] {
            let (out, diagnostics) = image("<img src=\"\(Self.gifPixel)\" \(attribute)=\"https://x/real.jpg\" alt=\"A\">")
            XCTAssertEqual(out, "<img src=\"https://x/real.jpg\" alt=\"A\"/>", attribute)
            XCTAssertEqual(diagnostics, [])
        }
        let svgPlaceholder = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"
        XCTAssertEqual(image("<img src=\"\(svgPlaceholder)\" data-src=\"/r.png\">").0, "<img src=\"https://www.example.com/r.png\" alt=\"\"/>")
    }

    func testSrcsetPicksLargestWithinBound() {
        XCTAssertEqual(Srcset("a.jpg 400w, b.jpg 1600w, c.jpg 3000w").best?.url, "b.jpg")
        XCTAssertEqual(Srcset("c.jpg 3000w, d.jpg 2000w").best?.url, "d.jpg")
        XCTAssertEqual(Srcset("a.jpg, b.jpg 2x, c.jpg 3x").best?.url, "b.jpg")
        XCTAssertEqual(Srcset("https://h/w_100,h_50/x.jpg 100w, https://h/w_900,h_450/x.jpg 900w").best?.url, "https://h/w_900,h_450/x.jpg")
        XCTAssertNil(Srcset("  ").best)
        XCTAssertEqual(image("<img src=\"s.jpg\" srcset=\"m.jpg 800w, l.jpg 1200w\">").0, "<img src=\"l.jpg\" alt=\"\"/>")
    }

    func testPicturePrefersJPEGOrPNGSources() {
        let html = "<picture><source type=\"image/avif\" srcset=\"https://x/a.avif\"><source srcset=\"https://x/b.webp 1x\"><source srcset=\"https://x/c.png 1x\"><img src=\"https://x/d.gif\" alt=\"D\"></picture>"
        XCTAssertEqual(image(html).0, "<img src=\"https://x/c.png\" alt=\"D\"/>")
        XCTAssertEqual(image("<picture><source type=\"image/webp\" srcset=\"https://x/a.webp\"><img src=\"https://x/d.gif\"></picture>").0,
                       "<img src=\"https://x/d.gif\" alt=\"\"/>")
    }

    func testRootAndProtocolRelativeResolvedButRelativePathsKept() {
        XCTAssertEqual(image("<img src=\"/i/a.jpg\">").0, "<img src=\"https://www.example.com/i/a.jpg\" alt=\"\"/>")
        XCTAssertEqual(image("<img src=\"//cdn.example/a.jpg\">").0, "<img src=\"https://cdn.example/a.jpg\" alt=\"\"/>")
        for path in ["images/x.png", "./x.png", "../x.png"] {
            XCTAssertEqual(image("<img src=\"\(path)\">").0, "<img src=\"\(path)\" alt=\"\"/>")
        }
    }

    func testDataURIsSurviveOnlyAsRealRasterImages() {
        let png = "data:image/png;base64," + String(repeating: "iVBORw0KGgoAAAANSUhEUgAA", count: 10)
        XCTAssertEqual(image("<img src=\"\(png)\" alt=\"P\">").0, "<img src=\"\(png)\" alt=\"P\"/>")
        // Declared PNG but HTML inside: dropped, alt text kept.
        let fake = "data:image/png;base64," + String(repeating: "PGh0bWw+PC9odG1sPg==", count: 12)
        let (out, diagnostics) = image("<p><img src=\"\(fake)\" alt=\"Fake\"></p>")
        XCTAssertEqual(out, "<p>Fake</p>")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(image("<p><img src=\"\(Self.gifPixel)\"></p>").0, "<p></p>")
        XCTAssertEqual(image("<p><img src=\"javascript:x\" alt=\"J\"></p>").0, "<p>J</p>")
    }

    func testImageProxiesAreLeftForAssets() {
        let proxied = "https://images.weserv.nl?url=gdb.voanews.com/a.jpg"
        XCTAssertEqual(image("<img src=\"\(proxied)\">").0, "<img src=\"\(proxied)\" alt=\"\"/>")
    }
}
