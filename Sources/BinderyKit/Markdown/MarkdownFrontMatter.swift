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
    /// re-exporting on another day leaves the note unchanged: the first
    /// `created: "…"` line of digits and hyphens in the front matter, among
    /// its first 40 lines (the 40th runs to the end of the note).
    ///
    /// Read as UTF-8 bytes, on the writer's single thread for every note
    /// already in the vault: splitting the text into Characters cost more
    /// than rendering the note. Lines break as Characters do — at an LF that
    /// no CR precedes (CR LF is one Character, so not a break).
    static func existingCreated(in note: String) -> String? {
        note.withUTF8Bytes { bytes -> String? in
            let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
            guard bytes.count >= 4, bytes[0] == UInt8(ascii: "-"), bytes[1] == UInt8(ascii: "-"),
                  bytes[2] == UInt8(ascii: "-"), bytes[3] == newline else { return nil }
            let prefix = Array("created: \"".utf8)
            let lineLength = "created: \"YYYY-MM-DD\"".utf8.count
            var start = 4 // past "---\n", so a line's first byte always has one before it
            for lineNumber in 1...40 {
                guard start <= bytes.count else { break }
                var end = start
                if lineNumber < 40 {
                    while end < bytes.count, !(bytes[end] == newline && bytes[end - 1] != carriageReturn) { end += 1 }
                } else {
                    end = bytes.count
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.count == 3, line.allSatisfy({ $0 == UInt8(ascii: "-") }) { break }
                if line.count == lineLength, line.starts(with: prefix), line[lineLength - 1] == UInt8(ascii: "\"") {
                    let value = line[prefix.count..<(lineLength - 1)]
                    if value.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }) {
                        return String(decoding: value, as: UTF8.self)
                    }
                }
                start = end + 1
            }
            return nil
        }
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
