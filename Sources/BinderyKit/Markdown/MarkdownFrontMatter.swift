import Foundation

/// The YAML front matter of a note, with the keys web clippers write
/// (Obsidian Web Clipper's defaults: title, source, author, published,
/// created, description, tags), so exported notes sit with clipped ones,
/// and what the site rules know: the publisher's name, the reposting source
/// (`via`) and the original-language version (`original`).
struct MarkdownFrontMatter: Equatable {
    var title: String
    var source: String?
    /// The article's author, when its byline names one.
    var author: String?
    var publisher: String?
    var via: String?
    var original: String?
    /// ISO 8601 with the time zone's offset.
    var published: String?
    /// The export date, `YYYY-MM-DD`.
    var created: String
    var description: String?
    var tags: [String]

    /// `---`-fenced YAML, every value double-quoted; ends with a newline.
    var text: String {
        textBeforeCreated + Self.createdLine(created) + textAfterCreated
    }

    /// The lines before `created`, the one value that depends on the vault
    /// (see `existingCreated`), so that the rest can be prepared without it.
    var textBeforeCreated: String {
        var text = "---\ntitle: " + YAMLScalar.quoted(title) + "\n"
        if let source { text += "source: " + YAMLScalar.quoted(source) + "\n" }
        if let author { text += "author: " + YAMLScalar.quoted(author) + "\n" }
        if let publisher { text += "publisher: " + YAMLScalar.quoted(publisher) + "\n" }
        if let via { text += "via: " + YAMLScalar.quoted(via) + "\n" }
        if let original { text += "original: " + YAMLScalar.quoted(original) + "\n" }
        if let published { text += "published: " + YAMLScalar.quoted(published) + "\n" }
        return text
    }

    static func createdLine(_ created: String) -> String {
        "created: " + YAMLScalar.quoted(created) + "\n"
    }

    var textAfterCreated: String {
        var text = ""
        if let description, !description.isEmpty { text += "description: " + YAMLScalar.quoted(description) + "\n" }
        if tags.isEmpty {
            text += "tags: []\n"
        } else {
            text += "tags:\n"
            for tag in tags { text += "  - " + YAMLScalar.quoted(tag) + "\n" }
        }
        return text + "---\n"
    }

    /// The `created` value of an existing note written by us, so that
    /// re-exporting on another day leaves the note unchanged.
    static func existingCreated(in note: String) -> String? {
        guard note.hasPrefix("---\n") else { return nil }
        for line in note.split(separator: "\n", maxSplits: 40, omittingEmptySubsequences: false).dropFirst() {
            if line == "---" { break }
            guard line.hasPrefix("created: \""), line.hasSuffix("\""), line.count == "created: \"YYYY-MM-DD\"".count else { continue }
            let value = line.dropFirst("created: \"".count).dropLast()
            if value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) { return String(value) }
        }
        return nil
    }

    /// `YYYY-MM-DD` of `date` in `timeZone`.
    static func day(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return padded(c.year ?? 0, 4) + "-" + padded(c.month ?? 0, 2) + "-" + padded(c.day ?? 0, 2)
    }

    /// `printf`'s `%0<width>d` (the sign counts towards the width), without
    /// `String(format:)`'s cost.
    static func padded(_ value: Int, _ width: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let digits = String(value.magnitude)
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }
}
