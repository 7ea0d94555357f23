import XCTest
@testable import BinderyKit

final class PlainTextLineWrapperTests: XCTestCase {
    private let closing = Set("，。、！？；：）」』》】〉”’…—%％".unicodeScalars)
    private let opening = Set("（「『《【〈“‘".unicodeScalars)

    private func isWide(_ c: Unicode.Scalar?) -> Bool { c.map(DisplayWidth.isWide) ?? false }

    /// Joins wrapped lines back: no space where a CJK break was.
    private func unwrap(_ lines: [String]) -> String {
        var text = ""
        for line in lines {
            if let last = text.unicodeScalars.last, let first = line.unicodeScalars.first,
               !(isWide(last) || isWide(first) || closing.contains(first) || opening.contains(last)) {
                text += " "
            }
            text += line
        }
        return text
    }

    private func checkInvariants(_ text: String, width: Int, file: StaticString = #filePath, line: UInt = #line) {
        let lines = LineWrapper(width: width).wrap(text)
        for l in lines {
            let w = DisplayWidth.of(l)
            if w > width {
                XCTAssertFalse(l.contains(" "), "only a single unbreakable token may overflow: \(l)", file: file, line: line)
            }
            if let first = l.unicodeScalars.first {
                XCTAssertFalse(closing.contains(first) && l != lines.first, "line starts with closing punctuation: \(l)", file: file, line: line)
            }
            if let last = l.unicodeScalars.last, l != lines.last {
                XCTAssertFalse(opening.contains(last), "line ends with opening punctuation: \(l)", file: file, line: line)
            }
            XCTAssertFalse(l.hasPrefix(" ") || l.hasSuffix(" "), "no edge spaces: [\(l)]", file: file, line: line)
        }
        XCTAssertEqual(unwrap(lines), text, file: file, line: line)
    }

    func testLatinWrapsAtSpacesWithinWidth() {
        let text = "The quick brown fox jumps over the lazy dog and keeps running far away."
        let lines = LineWrapper(width: 20).wrap(text)
        XCTAssertEqual(lines, ["The quick brown fox", "jumps over the lazy", "dog and keeps", "running far away."])
        checkInvariants(text, width: 20)
    }

    func testLongTokensAndURLsStayWhole() {
        let url = "https://www.example.com/a/very/long/path/that/does/not/fit.html"
        let lines = LineWrapper(width: 20).wrap("See \(url) now")
        XCTAssertEqual(lines, ["See", url, "now"])
        let cjkURL = "https://zh.wikipedia.org/wiki/中文维基百科"
        XCTAssertEqual(LineWrapper(width: 10).wrap("看 \(cjkURL)"), ["看", cjkURL])
    }

    func testCJKBreaksBetweenCharactersByWidth() {
        let text = "中文文本可以在任意两个字符之间换行但是不能在标点之前"
        let lines = LineWrapper(width: 10).wrap(text)
        XCTAssertEqual(lines.first, "中文文本可")
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
        checkInvariants(text, width: 10)
    }

    func testNoBreakBeforeClosingOrAfterOpeningPunctuation() {
        // Width 8 would put "，" at the start of the second line.
        XCTAssertEqual(LineWrapper(width: 8).wrap("一二三四，五六"), ["一二三", "四，五六"])
        XCTAssertEqual(LineWrapper(width: 8).wrap("一二三「四五」"), ["一二三", "「四五」"])
        XCTAssertEqual(LineWrapper(width: 6).wrap("增长了50%以上"), ["增长了", "50%以", "上"])
        let text = "他说：“我们会继续努力。”（记者报道）然后……结束——真的。百分之五十％！"
        for width in 4...30 { checkInvariants(text, width: width) }
    }

    func testMixedLatinAndCJK() {
        XCTAssertEqual(LineWrapper(width: 10).wrap("使用Swift编程语言"), ["使用Swift", "编程语言"])
        XCTAssertEqual(LineWrapper(width: 12).wrap("使用Swift编程语言"), ["使用Swift编", "程语言"])
        let text = "新闻来自BBC和VOA，报道说iPhone销量增长。Apple said sales rose 5% in China，中国市场表现强劲。"
        for width in 6...40 { checkInvariants(text, width: width) }
    }

    func testIndentsAndHangingIndent() {
        let lines = LineWrapper(width: 16).wrap("one two three four five", firstIndent: "- ", restIndent: "  ")
        XCTAssertEqual(lines, ["- one two three", "  four five"])
    }

    func testZeroWidthMeansNoWrapping() {
        let text = String(repeating: "word ", count: 50).trimmingCharacters(in: .whitespaces)
        XCTAssertEqual(LineWrapper(width: 0).wrap(text, firstIndent: "> "), ["> " + text])
    }

    func testCombiningMarksAndEmojiAreNotSplit() {
        let lines = LineWrapper(width: 4).wrap("😀😀😀👩‍💻e\u{301}e\u{301}")
        XCTAssertEqual(lines, ["😀😀", "😀👩‍💻", "e\u{301}e\u{301}"])
    }

    func testNonBreakingSpaceBinds() {
        XCTAssertEqual(LineWrapper(width: 7).wrap("aa 10\u{A0}km bb"), ["aa", "10\u{A0}km", "bb"])
    }
}
