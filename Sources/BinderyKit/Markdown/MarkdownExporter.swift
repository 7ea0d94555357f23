import Foundation

/// What a Markdown export did.
public struct MarkdownExportSummary: Sendable, Equatable {
    /// Note file names (vault) or the digest's file name, in book order.
    public var notes: [String]
    /// Notes whose bytes changed (or were new).
    public var notesWritten: Int
    /// Image files written to `attachments/` (new or changed).
    public var attachmentsWritten: Int
    /// Distinct pictures the notes show from `attachments/`.
    public var attachments: Int

    public init(notes: [String] = [], notesWritten: Int = 0, attachmentsWritten: Int = 0, attachments: Int = 0) {
        self.notes = notes
        self.notesWritten = notesWritten
        self.attachmentsWritten = attachmentsWritten
        self.attachments = attachments
    }
}

/// Writes a digest as Markdown notes: a vault of one note per article, or
/// one digest note (see `MarkdownLayout`).
///
/// Re-exporting the same selection into the same folder rewrites the same
/// files with the same bytes (files whose bytes would not change are left
/// alone, and a note's `created` date is kept), and never deletes anything.
public struct MarkdownExporter {
    public var options: MarkdownExportOptions
    public var metadata: BookMetadata
    public var digest: Digest

    public init(options: MarkdownExportOptions, metadata: BookMetadata, digest: Digest) {
        self.options = options
        self.metadata = metadata
        self.digest = digest
    }

    /// - Parameter output: the vault folder (created if missing) for
    ///   `.vault`; the note's file for `.singleFile`.
    /// - Throws: `OutputError` when a file cannot be written.
    public func export(_ source: ArticleSource, to output: URL) throws -> MarkdownExportSummary {
        switch options.layout {
        case .vault:
            return try exportVault(source, to: output)
        case .singleFile:
            return try exportSingleFile(source, to: .file(output))
        }
    }

    /// `.singleFile` to a file or standard output (where images stay remote).
    public func export(_ source: ArticleSource, to target: OutputTarget) throws -> MarkdownExportSummary {
        switch (options.layout, target) {
        case (.vault, .file(let url)):
            return try exportVault(source, to: url)
        case (.vault, .standardOutput):
            // A vault is a folder: standard output can only take one note.
            var single = self
            single.options.layout = .singleFile
            return try single.exportSingleFile(source, to: target)
        case (.singleFile, _):
            return try exportSingleFile(source, to: target)
        }
    }

    private var timeZone: TimeZone { digest.options.timeZone }
    private var createdDay: String { MarkdownFrontMatter.day(metadata.modified, timeZone: timeZone) }

    // MARK: Vault

    private func exportVault(_ source: ArticleSource, to folder: URL) throws -> MarkdownExportSummary {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, reason: error.localizedDescription)
        }
        let renderer = MarkdownRenderer(images: options.images)
        let tags = options.normalizedTags
        let vault = try VaultFolder(path: folder.path)
        var attachments = AttachmentsFolder(url: folder.appendingPathComponent(MarkdownExportOptions.attachmentsFolder, isDirectory: true))
        let createdDay = createdDay
        var namer = NoteFileNamer()
        var summary = MarkdownExportSummary()
        // Notes are rendered on all cores; here they are only named and
        // written, in order: what needs the vault's files.
        try source.forEachArticle(preparing: { bound in self.noteParts(for: bound, renderer: renderer, tags: tags) }) { bound, parts in
            if options.images == .attachments {
                summary.attachmentsWritten += try attachments.write(bound.newAssets)
                summary.attachments += bound.newAssets.count
            }
            var name = namer.claim(stem: parts.stem, extension: "md", key: parts.nameKey)
            var existing = vault.existing(name)
            // A note of the same name that is not this article's (the
            // user's own) is never overwritten: take the next name.
            while !parts.mayReplace(existing) {
                name = namer.claim(stem: parts.stem, extension: "md")
                existing = vault.existing(name)
            }
            var created = createdDay
            var existingBytes: [UInt8]?
            if case .file(let bytes, let text) = existing {
                created = MarkdownFrontMatter.existingCreated(in: text) ?? created
                existingBytes = bytes
            }
            var note = parts.note(created: created)
            // Same bytes: leave the file (and its modification time) alone.
            let changed = note.withUTF8 { utf8 in
                existingBytes.map { $0.count != utf8.count || (utf8.count > 0 && memcmp($0, utf8.baseAddress!, utf8.count) != 0) } ?? true
            }
            if changed {
                try note.withUTF8 { try vault.write(UnsafeRawBufferPointer($0), name: name) }
                summary.notesWritten += 1
            }
            summary.notes.append(name)
        }
        return summary
    }

    /// `2024-01-19 Title` (local date of the article), or the title alone.
    private func noteTitle(_ article: Article) -> String {
        guard let instant = article.instant else { return article.displayTitle }
        return MarkdownFrontMatter.day(instant, timeZone: timeZone) + " " + article.displayTitle
    }

    /// A note as far as it does not depend on the vault's files: everything
    /// but its file name's suffix and its `created` date.
    struct NoteParts: Sendable {
        var stem: String
        /// `NoteFileNamer.key` of the stem's first name (costly to compute).
        var nameKey: String
        /// The note's text before and after its `created` line.
        var head: String
        var tail: String
        /// What a note this exporter wrote for the same article starts with
        /// and contains (see `mayReplace`).
        var ownPrefix: String
        var ownSourceLine: String?

        func note(created: String) -> String {
            head + MarkdownFrontMatter.createdLine(created) + tail
        }

        /// Whether this note may take the place of what is at its path:
        /// nothing, or a note written for the same article (its front
        /// matter names the same title and source).
        ///
        /// The text is compared as before, as Characters (canonical
        /// equivalence; the source line by Foundation's search, which bridges
        /// the whole note to `NSString`), but first as bytes, which settles a
        /// note this exporter wrote: each piece looked for ends with a line
        /// break, so where its bytes are found with no byte after them that
        /// could join a Character to it (an ASCII byte, or the end), its
        /// Characters are found too.
        func mayReplace(_ existing: VaultFolder.Existing) -> Bool {
            switch existing {
            case .absent: return true
            case .unreadable: return false
            case .file(_, let text):
                let (hasPrefix, hasSourceLine) = text.withUTF8Bytes { note in
                    (ownPrefix.withUTF8Bytes { note.startsWithLinePiece($0) },
                     ownSourceLine?.withUTF8Bytes { note.containsLinePiece($0) })
                }
                guard hasPrefix || text.hasPrefix(ownPrefix) else { return false }
                guard let ownSourceLine else { return true }
                return hasSourceLine == true || text.contains(ownSourceLine)
            }
        }
    }

    func noteParts(for bound: BoundArticle, renderer: MarkdownRenderer, tags: [String]) -> NoteParts {
        let article = bound.article
        let source = article.url?.absoluteString
        let frontMatter = MarkdownFrontMatter(
            title: article.displayTitle,
            source: source,
            author: article.author,
            publisher: article.publisherName ?? metadata.publisher,
            via: article.via,
            original: bound.cleaned.originalVersion?.href,
            published: article.instant.map { ISO8601.string($0, timeZone: timeZone) },
            created: "",
            description: LeadSentence.of(bound.cleaned.body),
            tags: bound.cleaned.tags.isEmpty ? tags : MarkdownExportOptions.normalized(tags + bound.cleaned.tags))
        let body = renderer.render(bound.cleaned.body + Self.creditBlocks(bound.cleaned))
        let stem = NoteFileName.stem(noteTitle(article))
        return NoteParts(stem: stem,
                         nameKey: NoteFileNamer.key(stem + ".md"),
                         head: frontMatter.textBeforeCreated,
                         tail: frontMatter.textAfterCreated + (body.isEmpty ? "" : "\n" + body + "\n"),
                         ownPrefix: "---\ntitle: " + YAMLScalar.quoted(article.displayTitle) + "\n",
                         ownSourceLine: source.map { "\nsource: " + YAMLScalar.quoted($0) + "\n" })
    }

    // MARK: Single file

    private func exportSingleFile(_ source: ArticleSource, to target: OutputTarget) throws -> MarkdownExportSummary {
        let toStandardOutput = target == .standardOutput
        let images = options.effectiveImages(toStandardOutput: toStandardOutput)
        var attachments: AttachmentsFolder?
        var name = "-"
        if case .file(let url) = target {
            attachments = AttachmentsFolder(url: url.deletingLastPathComponent().appendingPathComponent(MarkdownExportOptions.attachmentsFolder, isDirectory: true))
            name = url.lastPathComponent
        }
        var created = createdDay
        if case .file(let url) = target, let existing = try? String(contentsOf: url, encoding: .utf8),
           let kept = MarkdownFrontMatter.existingCreated(in: existing) {
            created = kept
        }
        let output = try StreamingTextOutput(target)
        let frontMatter = MarkdownFrontMatter(title: metadata.title, source: nil, author: metadata.creators.isEmpty ? nil : metadata.creators.joined(separator: ", "),
                                              published: nil, created: created, description: nil, tags: options.normalizedTags)
        try output.write(frontMatter.text)
        let inline = MarkdownInlineRenderer(images: images)
        try output.write("\n# " + inline.line([.text(metadata.title)], position: .heading) + "\n")
        let renderer = MarkdownRenderer(images: images, headingOffset: 3)
        var summary = MarkdownExportSummary(notes: [name])
        var chapterIndex: Int?
        try source.forEachArticle(preparing: { bound in self.articleSection(bound, renderer: renderer, inline: inline) }) { bound, section in
            if images == .attachments {
                summary.attachmentsWritten += try attachments?.write(bound.newAssets) ?? 0
                summary.attachments += bound.newAssets.count
            }
            if bound.chapterIndex != chapterIndex {
                chapterIndex = bound.chapterIndex
                if digest.chapters.indices.contains(bound.chapterIndex) {
                    let heading = DateText.chapterHeading(digest.chapters[bound.chapterIndex], grouping: metadata.grouping,
                                                          language: metadata.language, timeZone: timeZone)
                    try output.write("\n## " + inline.line([.text(heading)], position: .heading) + "\n")
                }
            }
            try output.write(section)
        }
        if try output.finish() { summary.notesWritten = 1 }
        return summary
    }

    /// A note's credits (`CleanedArticle.credits`): closing lines in italics.
    static func creditBlocks(_ cleaned: CleanedArticle) -> [Block] {
        cleaned.credits.map { .paragraph([.styled(.emphasis, [.text($0)])]) }
    }

    /// `### Title`, a line naming author, publisher (linked to the article),
    /// reposting source, date and original-language version, the body.
    private func articleSection(_ bound: BoundArticle, renderer: MarkdownRenderer, inline: MarkdownInlineRenderer) -> String {
        let article = bound.article
        let strings = BookStrings.forLanguage(metadata.language)
        var section = "\n### " + inline.line([.text(article.displayTitle)], position: .heading) + "\n"
        var meta: [Inline] = []
        func separate() { if !meta.isEmpty { meta.append(.text(" · ")) } }
        if let author = article.author { meta.append(.text(author)) }
        if let url = article.url {
            separate()
            meta.append(.link(href: url.absoluteString, [.text(article.publisherName ?? url.absoluteString)]))
        }
        if let via = article.via {
            separate()
            meta.append(.text(strings.via(via)))
        }
        if let instant = article.instant {
            separate()
            meta.append(.text(DateText.articleDateTime(instant, language: metadata.language, timeZone: timeZone)))
        }
        if let version = bound.cleaned.originalVersion {
            separate()
            meta.append(.link(href: version.href, [.text(strings.originalVersion(version.language))]))
        }
        if !meta.isEmpty {
            section += "\n" + inline.paragraphs([.styled(.emphasis, meta)]).joined(separator: "\n\n") + "\n"
        }
        let body = renderer.render(bound.cleaned.body + Self.creditBlocks(bound.cleaned))
        if !body.isEmpty { section += "\n" + body + "\n" }
        return section
    }
}

/// The `attachments/` folder beside the notes, created when the first
/// image comes (and only then).
private struct AttachmentsFolder {
    let url: URL
    private var exists = false

    init(url: URL) { self.url = url }

    /// Returns how many files were new or changed.
    mutating func write(_ assets: [Asset]) throws -> Int {
        guard !assets.isEmpty else { return 0 }
        if !exists {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: url.path, reason: error.localizedDescription)
            }
            exists = true
        }
        var written = 0
        for asset in assets {
            // Content-derived names: an existing file of that name holds the same image.
            if try FileComparison.writeIfChanged(asset.data, to: url.appendingPathComponent(asset.fileName)) { written += 1 }
        }
        return written
    }
}

private extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether `piece`, UTF-8 that begins and ends with LF, occurs here
    /// followed by the end or an ASCII byte: found so, it is found as
    /// Characters too (nothing combines with an LF from before it, and an
    /// ASCII byte does not combine with it from after).
    func containsLinePiece(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = baseAddress, let pieceBase = piece.baseAddress, !piece.isEmpty else { return false }
        var at = 0
        while at + piece.count <= count {
            // The piece may start wherever its first byte (its LF) is.
            guard let found = memchr(base + at, Int32(pieceBase[0]), count - piece.count + 1 - at) else { return false }
            at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            let end = at + piece.count
            if memcmp(base + at, pieceBase, piece.count) == 0, end == count || self[end] < 0x80 { return true }
            at += 1
        }
        return false
    }

    /// Whether this starts with `prefix`, UTF-8 that ends with LF, followed
    /// by the end or an ASCII byte (see `containsLinePiece`).
    func startsWithLinePiece(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        starts(with: prefix) && (prefix.count == count || self[prefix.count] < 0x80)
    }
}
