import XCTest
@testable import BinderyKit

final class MarkdownLeadSentenceTests: XCTestCase {
    func testFirstSentenceOfFirstParagraph() {
        let body: [Node] = [
            MarkdownTestTree.el("figure", MarkdownTestTree.img("x.jpg", alt: "alt"), MarkdownTestTree.el("figcaption", MarkdownTestTree.t("Caption text."))),
            MarkdownTestTree.el("h2", MarkdownTestTree.t("Heading")),
            MarkdownTestTree.p(MarkdownTestTree.t("The U.S. economy grew 3% last year, officials said. More followed.")),
        ]
        XCTAssertEqual(LeadSentence.of(ContentTestSupport.blocks(body)), "The U.S. economy grew 3% last year, officials said.")
    }

    func testChineseSentenceEnds() {
        XCTAssertEqual(LeadSentence.of(ContentTestSupport.blocks([MarkdownTestTree.p(MarkdownTestTree.t("他说：“我们会努力。”然后离开。"))])), "他说：“我们会努力。”")
        XCTAssertEqual(LeadSentence.of(ContentTestSupport.blocks([MarkdownTestTree.t("没有句号的导语")])), "没有句号的导语")
    }

    func testBoundedAtAWordWithEllipsis() {
        let long = String(repeating: "word ", count: 100)
        let lead = LeadSentence.of(ContentTestSupport.blocks([MarkdownTestTree.p(MarkdownTestTree.t(long))]), limit: 50)
        XCTAssertLessThanOrEqual(lead.count, 50)
        XCTAssertTrue(lead.hasSuffix("word…"), lead)
        XCTAssertEqual(LeadSentence.of([]), "")
    }
}
