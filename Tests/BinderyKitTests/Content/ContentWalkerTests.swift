import XCTest
@testable import BinderyKit

final class ContentWalkerTests: XCTestCase {
    /// Every block kind once, with pictures and text in known places.
    static let body: [Block] = [
        .paragraph([.text("Lead "), .styled(.strong, [.link(href: "https://e.com/", [.text("linked")])])]),
        .figure(Figure(pictures: [Picture(source: "a.jpg", alt: "A")], caption: [.text("Caption "), .picture(Picture(source: "icon.png", alt: ""))])),
        .list(ListBlock(ordered: false, items: [[.plain([.text("item")])]])),
        .definitions([.term([.text("term")]), .description([.plain([.text("meaning")])])]),
        .quote([.paragraph([.text("quoted")])]),
        .code("code"),
        .table(Table(caption: [.text("cap")], bodies: [[[TableCell(content: [.plain([.picture(Picture(source: "b.png", alt: "B"))])])]]])),
        .rule,
        .embed(Embed(kind: .video, url: "https://e.com/v")),
        .heading(level: 3, [.language(LanguageSpan(language: "en", direction: nil, content: [.ruby(base: [.text("end")], annotation: "e")]))]),
    ]

    func testVisitsEverythingInDocumentOrder() {
        var blocks: [String] = []
        var texts: [String] = []
        ContentWalker.walk(Self.body, blocks: { block in
            blocks.append("\(block)".prefix(while: { $0 != "(" }).description)
            return .descend
        }, inlines: { inline in
            if case .text(let text) = inline { texts.append(text) }
            return .descend
        })
        XCTAssertEqual(blocks, ["paragraph", "figure", "list", "plain", "definitions", "plain", "quote", "paragraph", "code",
                                "table", "plain", "rule", "embed", "heading"])
        XCTAssertEqual(texts, ["Lead ", "linked", "Caption ", "item", "term", "meaning", "quoted", "cap", "end"])
    }

    func testPicturesIncludeFiguresCaptionsAndCells() {
        XCTAssertEqual(Self.body.pictures.map(\.source), ["a.jpg", "icon.png", "b.png"])
    }

    func testSkipAndStop() {
        var seen: [String] = []
        let finished = ContentWalker.walk(Self.body, blocks: { block in
            if case .figure = block { return .skipChildren }
            if case .table = block { return .stop }
            return .descend
        }, inlines: { inline in
            if case .text(let text) = inline { seen.append(text) }
            return .descend
        })
        XCTAssertFalse(finished)
        XCTAssertEqual(seen, ["Lead ", "linked", "item", "term", "meaning", "quoted"])
    }

    func testRewritingPicturesKeepsStructureWellFormed() {
        let body: [Block] = [
            .paragraph([.link(href: "https://e.com/", [.picture(Picture(source: "gone.png", alt: ""))])]),
            .figure(Figure(pictures: [Picture(source: "gone.png", alt: "")])),
            .paragraph([.text("kept "), .picture(Picture(source: "ok.png", alt: "OK"))]),
        ]
        let rewritten = ContentRewriter.rewritePictures(body) { picture, _ in
            guard picture.source == "ok.png" else { return nil }
            var bound = picture
            bound.binding = .bundled(fileName: "f.png")
            return bound
        }
        XCTAssertEqual(rewritten, [.paragraph([.text("kept "), .picture(Picture(source: "ok.png", alt: "OK", binding: .bundled(fileName: "f.png")))])])
    }

    func testInlineLineFlattensBlocks() {
        XCTAssertEqual([Block.list(ListBlock(ordered: false, items: [[.plain([.text("a")])], [.paragraph([.text("b")])]])), .code("c")]
            .inlineLine.plainText, "a b c")
    }
}
