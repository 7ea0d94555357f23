import Foundation
@testable import BinderyKit

/// Small builders for hand-made trees.
enum MarkdownTestTree {
    static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: Node...) -> Node {
        .element(Element(name, attributes: attributes.map { Attribute($0.0, $0.1) }, children: children))
    }
    static func el(_ name: String, _ children: Node...) -> Node {
        .element(Element(name, children: children))
    }
    static func t(_ s: String) -> Node { .text(s) }
    static func p(_ children: Node...) -> Node { .element(Element("p", children: children)) }
    static func a(_ href: String, _ children: Node...) -> Node {
        .element(Element("a", attributes: [Attribute("href", href)], children: children))
    }
    static func img(_ src: String, alt: String = "") -> Node {
        .element(Element("img", attributes: [Attribute("src", src), Attribute("alt", alt)]))
    }
    static func render(_ nodes: Node..., images: MarkdownImageMode = .attachments) -> String {
        MarkdownRenderer(images: images).render(ContentTestSupport.blocks(nodes))
    }
}

/// Runs `cmark-gfm`: skips without it unless `CI` is set, where it fails.
enum MarkdownCMark {
    static var path: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(dir)/cmark-gfm"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// Markdown → HTML with the GFM table and strikethrough extensions.
    static func html(_ markdown: String, allowRawHTML: Bool = true) throws -> String {
        guard let path else {
            throw MarkdownCMarkUnavailable()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--extension", "table", "--extension", "strikethrough", "-t", "html"] + (allowRawHTML ? ["--unsafe"] : [])
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Renders many one-paragraph documents with one cmark run: each
    /// document's HTML, in order (separated by a thematic break).
    static func htmlOfEach(_ markdowns: [String]) throws -> [String] {
        let output = try html(markdowns.joined(separator: "\n\n* * *\n\n"))
        return output.components(separatedBy: "<hr />\n")
    }

    /// The visible text of HTML: tags dropped, entities decoded, whitespace collapsed.
    static func visibleText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; text += " "; continue }
            if c == ">" { inTag = false; continue }
            if !inTag { text.append(c) }
        }
        let decoded = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return normalize(decoded)
    }

    static func normalize(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

struct MarkdownCMarkUnavailable: Error, CustomStringConvertible {
    var description: String { "cmark-gfm not found" }
}
