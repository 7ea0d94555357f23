import XCTest
@testable import BinderyKit

/// The site rules' selector language on Bindery's tree.
final class MarkupSelectorTests: XCTestCase {
    private func element(_ name: String, _ attributes: [(String, String)] = []) -> Element {
        Element(name, attributes: attributes.map { Attribute($0.0, $0.1) })
    }

    private func matches(_ selector: String, _ target: Element, in ancestors: [Element] = []) throws -> Bool {
        try Selector(selector).matches(target, ancestors: ancestors)
    }

    func testElementClassIdAndAttributeParts() throws {
        let audio = element("div", [("class", "m-em-audio  m-em-audio--inline"), ("id", "player-1"), ("data-src", "x.mp3")])
        XCTAssertTrue(try matches("div", audio))
        XCTAssertTrue(try matches("*", audio))
        XCTAssertTrue(try matches("DIV", audio), "element names are case-insensitive")
        XCTAssertTrue(try matches(".m-em-audio", audio))
        XCTAssertTrue(try matches("div.m-em-audio.m-em-audio--inline", audio))
        XCTAssertTrue(try matches("#player-1", audio))
        XCTAssertTrue(try matches("[data-src]", audio))
        XCTAssertTrue(try matches("[DATA-SRC]", audio), "attribute names are case-insensitive")
        XCTAssertFalse(try matches("span", audio))
        XCTAssertFalse(try matches(".m-em", audio), "a class is a whole word")
        XCTAssertFalse(try matches(".M-EM-AUDIO", audio), "classes are case-sensitive")
        XCTAssertFalse(try matches("[data-url]", audio))
        XCTAssertFalse(try matches("div.other", audio))
    }

    func testAttributeOperators() throws {
        let link = element("a", [("rel", "nofollow tag"), ("href", "https://example.com/tag/ferry.mp3"),
                                 ("class", "StandardArticleBody_trustBadgeContainer_1gqgJ")])
        XCTAssertTrue(try matches("a[rel~=tag]", link))
        XCTAssertFalse(try matches("a[rel=tag]", link), "= compares the whole value")
        XCTAssertTrue(try matches("a[rel=\"nofollow tag\"]", link))
        XCTAssertTrue(try matches("[href^=https://example.com]", link))
        XCTAssertTrue(try matches("[href$='.mp3']", link))
        XCTAssertTrue(try matches("[class*=trustBadgeContainer]", link))
        XCTAssertFalse(try matches("[class*=Attribution]", link))
        XCTAssertFalse(try matches("[href^='']", link), "an empty prefix matches nothing, as in CSS")
        XCTAssertTrue(try matches("[ rel ~= tag ]", link), "spaces inside brackets are allowed")
    }

    func testDescendantNeedsAncestorsInOrder() throws {
        let figure = element("figure", [("class", "media-landscape")])
        let wrapper = element("span", [("class", "image-and-copyright-container")])
        let label = element("span", [("class", "off-screen")])
        XCTAssertTrue(try matches("figure .off-screen", label, in: [figure, wrapper]))
        XCTAssertTrue(try matches("figure span .off-screen", label, in: [figure, wrapper]))
        XCTAssertTrue(try matches("figure.media-landscape span.off-screen", label, in: [figure, wrapper]))
        XCTAssertFalse(try matches("span figure .off-screen", label, in: [figure, wrapper]), "order matters")
        XCTAssertFalse(try matches("p .off-screen", label, in: [figure, wrapper]))
        XCTAssertFalse(try matches("figure .off-screen", label), "no ancestors")
    }

    func testBadSelectorsSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("", "empty selector"),
            ("  ", "empty selector"),
            (".a..b", "a class name must follow \".\""),
            ("div > p", "unexpected \">\""),
            ("a, b", "unexpected \",\""),
            ("[rel", "expected \"]\""),
            ("[rel=tag", "expected \"]\" to close"),
            ("[rel=]", "a value must follow"),
            ("[rel|=en]", "expected \"]\", \"=\""),
            ("[rel^tag]", "\"^\" must be followed by \"=\""),
            ("[=x]", "an attribute name must follow"),
            ("#", "an id must follow"),
            ("[title='open]", "is not closed"),
            ("div:first-child", "unexpected \":\""),
        ]
        for (source, expected) in cases {
            XCTAssertThrowsError(try Selector(source), source) { error in
                let message = (error as? SelectorParser.Failure)?.message ?? "\(error)"
                XCTAssertTrue(message.contains(expected), "\(source): \(message)")
            }
        }
    }

    func testSourceIsKeptForReports() throws {
        XCTAssertEqual(try Selector("  div.m-em-audio [data-x] ").source, "div.m-em-audio [data-x]")
        XCTAssertEqual(try Selector("a[rel~=tag]").elementName, "a")
        XCTAssertNil(try Selector(".credit").elementName)
    }
}
