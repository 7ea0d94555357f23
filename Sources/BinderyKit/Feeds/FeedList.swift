import Foundation

/// The feeds named by a `--feeds` file: an OPML subscription list (what
/// every feed reader exports: `<outline xmlUrl="…">`, nested in folders at
/// any depth) or a plain list, one URL a line, `#` starting a comment.
public enum FeedList {
    /// The http(s) feed URLs in `data`, in order, without repeats, and a
    /// line for each entry that is not one.
    public static func read(_ data: Data) -> (feeds: [URL], problems: [String]) {
        let bytes = [UInt8](data)
        let first = bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.first
        var feeds: [URL] = []
        var problems: [String] = []
        func add(_ text: String, _ place: String) {
            guard let url = URLReference.web(text, against: nil) else {
                problems.append("\(place): '\(text)' is not an http(s) URL")
                return
            }
            if !feeds.contains(url) { feeds.append(url) }
        }
        if first == UInt8(ascii: "<") {
            let document = XMLDocumentParser.parse(bytes)
            guard let root = document.root else {
                return ([], ["not an OPML file: \(document.errors.first ?? "no XML element")"])
            }
            if !document.isWellFormed { problems.append("ill-formed OPML (\(document.errors[0])); read as far as it goes") }
            for outline in allOutlines(root) {
                let url = outline.attribute("xmlUrl") ?? outline.attribute("xmlurl") ?? outline.attribute("url")
                let type = outline.attribute("type")?.lowercased()
                guard let url, type != "link", type != "include" else { continue }
                add(url, "outline '\(outline.attribute("title") ?? outline.attribute("text") ?? url)'")
            }
            return (feeds, problems)
        }
        let text = CharacterDecoding.decode(bytes, declared: []).text
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let entry = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !entry.isEmpty, !entry.hasPrefix("#") else { continue }
            add(entry, "line \(number + 1)")
        }
        return (feeds, problems)
    }

    private static func allOutlines(_ element: XMLElementNode) -> [XMLElementNode] {
        element.elements.flatMap { child in (child.name == "outline" ? [child] : []) + allOutlines(child) }
    }
}
