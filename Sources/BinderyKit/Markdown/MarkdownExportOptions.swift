import Foundation

/// What happens to the images of the articles in Markdown output.
public enum MarkdownImageMode: String, Sendable, CaseIterable {
    /// Bound images are written to `attachments/` and linked relatively.
    case attachments
    /// Images keep their original absolute URLs; nothing is downloaded.
    case remote
    /// Images are dropped; captions stay as text.
    case none
}

/// Where the notes go: one note per article, or one digest note.
public enum MarkdownLayout: String, Sendable, CaseIterable {
    /// A notes vault: `DIR/2024-01-19 Title.md` per article, images in `DIR/attachments/`.
    case vault
    /// One note with the whole digest (`# title`, `## day`, `### article`).
    case singleFile
}

public struct MarkdownExportOptions: Sendable {
    public var layout: MarkdownLayout
    public var images: MarkdownImageMode
    /// Front-matter tags; `news` by default. Leading `#` and surrounding
    /// whitespace are dropped, inner whitespace becomes `-` (tags cannot
    /// hold spaces in Obsidian and similar apps), duplicates are removed.
    public var tags: [String]

    /// The folder, relative to a note, that holds its pictures (as `Asset.fileName`).
    public static let attachmentsFolder = "attachments"

    public init(layout: MarkdownLayout = .vault, images: MarkdownImageMode = .attachments, tags: [String] = ["news"]) {
        self.layout = layout
        self.images = images
        self.tags = tags
    }

    /// Whether pictures are bound to files: not when they stay remote or are
    /// left out, nor when the digest goes to standard output, where there
    /// is no folder for attachments.
    public func bindsPictures(toStandardOutput: Bool = false) -> Bool {
        effectiveImages(toStandardOutput: toStandardOutput) == .attachments
    }

    /// Attachments cannot accompany standard output: images then stay remote.
    public func effectiveImages(toStandardOutput: Bool) -> MarkdownImageMode {
        toStandardOutput && images == .attachments ? .remote : images
    }

    /// The tags as written to the front matter.
    public var normalizedTags: [String] {
        var seen = Set<String>()
        var result: [String] = []
        for raw in tags {
            var tag = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            while tag.hasPrefix("#") { tag.removeFirst() }
            tag = tag.split(whereSeparator: { $0.isWhitespace }).joined(separator: "-")
            if !tag.isEmpty, seen.insert(tag).inserted { result.append(tag) }
        }
        return result
    }
}
