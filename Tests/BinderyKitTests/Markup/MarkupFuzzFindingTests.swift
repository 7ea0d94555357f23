import XCTest
@testable import BinderyKit

/// What fuzzing the article path found in cleaning (README "Fuzzing and
/// sanitizers"); the inputs themselves are replayed by BinderyFuzzTests.
final class MarkupFuzzFindingTests: XCTestCase {
    /// libxml2 nests what follows an HTML 5 void element inside it; dropping
    /// the element dropped the rest of the paragraph (`a<wbr>b` lost `b`).
    func testTextAfterVoidElementsLibxml2DoesNotKnowStays() {
        XCTAssertEqual(MarkupTestSupport.clean("<p>extra<wbr>ordinary</p>"), "<p>extra<wbr/>ordinary</p>")
        XCTAssertEqual(MarkupTestSupport.clean("<p>a<source>b<track>c<keygen>d<embed>e</p>"), "<p>abcde</p>")
        XCTAssertEqual(HTMLParser.parseFragment(MarkupTestSupport.clean("<p>a<colgroup><col>b</colgroup>c</p>")).textContent, "abc")
    }

    /// Every `dialog` was dropped, but one with `open` is shown: here an
    /// unclosed `<dialog` took the words after it as attributes, `open`
    /// among them, and the rest of the body was lost.
    func testAnOpenDialogIsContent() {
        XCTAssertEqual(MarkupTestSupport.clean("<p>shown</p><dialog open><p>read</p></dialog><dialog><p>hidden</p></dialog>"),
                       "<p>shown</p><p>read</p>")
        let cleaned = MarkupTestSupport.clean("<p>Volunteers spent two<dialog  months; it will be open to all.</p><p><small>© Harbour Society</small></p>")
        XCTAssertTrue(cleaned.contains("© Harbour Society"), cleaned)
    }

    func testHoistingFlattensLongChainsWithoutLosingMarkup() {
        let html = "<p>" + (0..<40).map { "w\($0)<wbr>" }.joined() + "<a href=\"https://x.example/\">link</a></p>"
        let cleaned = MarkupTestSupport.clean(html)
        XCTAssertTrue(cleaned.hasSuffix("w39<wbr/><a href=\"https://x.example/\">link</a></p>"), cleaned)
    }

    /// A `picture` became its image alone: text in it, or everything an
    /// unclosed `picture` swallowed, was lost.
    func testPictureKeepsWhatElseItHolds() {
        XCTAssertEqual(
            MarkupTestSupport.applying(before: [ChooseImageSource()],
                                       to: "<picture><source srcset=\"https://x/a.png\">Caption<img src=\"https://x/b.gif\"> more</picture>").0,
            "<img src=\"https://x/a.png\" alt=\"\"/>Caption more")
        XCTAssertEqual(MarkupTestSupport.clean("<p>before <picture>the rest of the article</p><p>and more</p>"),
                       "<p>before the rest of the article</p><p>and more</p>")
    }

    /// DEL and C1 controls passed into Markdown and plain text (XHTML already
    /// dropped them); a C0 control came through a broken start tag.
    func testControlCharactersLeaveTheContent() {
        let (cleaned, _) = ArticleCleaner().clean(MarkupTestSupport.article(), html: "<p>a\u{7F}b\u{9B}31mc<i\u{95} x\u{1C}>d</p><pre>e\u{85}f</pre><img src=\"https://x/a.png\" alt=\"g\u{9D}h\">")
        var texts: [String] = []
        ContentWalker.walk(cleaned.body, blocks: { block in
            if case .code(let text) = block { texts.append(text) }
            return .descend
        }, inlines: { inline in
            switch inline {
            case .text(let text), .code(let text): texts.append(text)
            case .picture(let picture): texts.append(picture.alt)
            default: break
            }
            return .descend
        })
        XCTAssertFalse(texts.isEmpty)
        for text in texts {
            XCTAssertFalse(text.unicodeScalars.contains(where: \.isControlCharacter), "control character left in \(text.debugDescription)")
        }
        XCTAssertTrue(texts.joined().contains("ab31mc"), texts.joined())
        XCTAssertEqual("x\u{1B}[0m\ty\n".removingControlCharacters(), "x[0m\ty\n")
        XCTAssertEqual("plain 中文".removingControlCharacters(), "plain 中文")
    }

    /// The scan reads eight bytes at a time: a control is found wherever it
    /// falls, a C1 control split across two words included, and the
    /// characters around it are kept.
    func testControlCharactersAreFoundAtEveryOffset() {
        let filler = "abcdefghijklmnopqrstuvwxyz"
        for control in ["\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}"] {
            for offset in 0...17 {
                let prefix = String(filler.prefix(offset))
                let text = prefix + control + "tail end of the text"
                XCTAssertEqual(text.removingControlCharacters(), prefix + "tail end of the text", "offset \(offset)")
            }
        }
        let clean = String(repeating: "no controls here, \t\n only tabs and lines; 中文 é \u{A0} ", count: 4)
        XCTAssertEqual(clean.removingControlCharacters(), clean)
    }

    /// `<bindery-embed>` in an article was taken for Bindery's own video
    /// placeholder, and its `url` became a link: `javascript:` in the book.
    func testAnArticleCannotForgeAnEmbedPlaceholder() {
        let html = "<p>x<bindery-embed kind=\"video\" url=\"javascript:alert(1)\">y</bindery-embed></p>"
        let (cleaned, _) = ArticleCleaner().clean(MarkupTestSupport.article(), html: html)
        XCTAssertEqual(cleaned.body, [.paragraph([.text("x"), .text("y")])])
    }
}
