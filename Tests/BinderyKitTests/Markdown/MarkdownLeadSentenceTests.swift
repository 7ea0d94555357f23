import XCTest
@testable import BinderyKit

final class MarkdownLeadSentenceTests: XCTestCase {
    func testFirstSentenceOfFirstParagraph() {
        let body: [Node] = [
            MD.el("figure", MD.img("x.jpg", alt: "alt"), MD.el("figcaption", MD.t("Caption text."))),
            MD.el("h2", MD.t("Heading")),
            MD.p(MD.t("The U.S. economy grew 3% last year, officials said. More followed.")),
        ]
        XCTAssertEqual(LeadSentence.of(body), "The U.S. economy grew 3% last year, officials said.")
    }

    func testChineseSentenceEnds() {
        XCTAssertEqual(LeadSentence.of([MD.p(MD.t("他说：“我们会努力。”然后离开。"))]), "他说：“我们会努力。”")
        XCTAssertEqual(LeadSentence.of([MD.t("没有句号的导语")]), "没有句号的导语")
    }

    func testBoundedAtAWordWithEllipsis() {
        let long = String(repeating: "word ", count: 100)
        let lead = LeadSentence.of([MD.p(MD.t(long))], limit: 50)
        XCTAssertLessThanOrEqual(lead.count, 50)
        XCTAssertTrue(lead.hasSuffix("word…"), lead)
        XCTAssertEqual(LeadSentence.of([]), "")
    }
}
