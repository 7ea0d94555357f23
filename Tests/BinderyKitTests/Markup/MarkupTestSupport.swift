import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import BinderyKit

/// Helpers shared by the Markup tests: articles, cleaning, XHTML wrapping,
/// well-formedness and epubcheck.
enum MarkupTestSupport {
    static func article(url: String? = "https://www.example.com/news/2024/story.html") -> Article {
        let file = URL(fileURLWithPath: "/tmp/archive/001_test.txt")
        return Article(
            origin: SourceFile(url: file, root: file.deletingLastPathComponent(), displayName: "001_test.txt"),
            title: "Test", url: url.flatMap(URL.init(string:)), instant: nil)
    }

    /// The cleaned body of `html`, serialized.
    static func clean(_ html: String, url: String? = "https://www.example.com/news/2024/story.html") -> String {
        XHTMLSerializer.serialize(ArticleCleaner().cleanTree(article(url: url), html: html).0)
    }

    /// A minimal XHTML 5 content document around `body`.
    static func xhtmlDocument(body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en" lang="en">\
        <head><meta charset="utf-8"/><title>t</title></head><body>\(body)</body></html>
        """
    }

    /// `nil` when `body` wrapped in a document is well-formed XML, else the parser's complaint.
    static func wellFormednessProblem(body: String) -> String? {
        do {
            _ = try XMLDocument(xmlString: xhtmlDocument(body: body), options: [])
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The folder holding FORMAT.md and the reference article, found by
    /// walking up from this file.
    static func sharedFolder(from file: String = #filePath) -> URL? {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("FORMAT.md").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The reference article's body (its 4-line header stripped).
    static func referenceBody() throws -> String {
        guard let shared = sharedFolder() else { throw XCTSkip("shared/ folder not found above \(#filePath)") }
        let text = try String(contentsOf: shared.appendingPathComponent("reference/000_d59ca8e82a3761f9.txt"), encoding: .utf8)
        return text.split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false).dropFirst(4).joined(separator: "\n")
    }

    /// The text of a page showing `body`, every whitespace character removed:
    /// what a reader sees, independent of how blocks were re-wrapped.
    static func visibleCharacters(_ body: [Block]) -> String {
        var text = ""
        var inTag = false
        for character in xhtml(body) {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        text = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !$0.properties.isWhitespace && $0 != "\u{200B}"
        }))
    }
}

extension MarkupTestSupport {
    /// `body` as an article page's XHTML, every picture bound to the book's
    /// `image.png`, as the Assets stage leaves them (EPUB forbids remote images).
    static func xhtml(_ body: [Block]) -> String {
        let bound = ContentRewriter.rewritePictures(body) { picture, _ in
            var picture = picture
            picture.binding = .bundled(fileName: "image.png")
            return picture
        }
        return ContentXHTML(imageFolder: "").string(bound)
    }
}

extension MarkupTestSupport {
    /// `html` parsed, run through only the given rules, serialized: a rule's
    /// effect in isolation.
    static func applying(
        before: [any ElementRule] = [], after: [any ElementRule] = [], body: [any BodyRule] = [], to html: String,
        url: String? = "https://www.example.com/news/2024/story.html"
    ) -> (String, [Diagnostic]) {
        var context = CleaningContext(article: article(url: url))
        var nodes = HTMLParser.parseFragment(html)
        RuleWalker(before: before, after: after).walk(&nodes, in: &context)
        for rule in body { rule.apply(to: &nodes, in: &context) }
        return (XHTMLSerializer.serialize(nodes), context.diagnostics)
    }
}
