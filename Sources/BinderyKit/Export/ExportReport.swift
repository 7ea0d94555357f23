import Foundation

/// What an export did and what it lost, as `--report FILE.json` writes it:
/// for people who run Bindery from cron or CI and want to know what a
/// digest left out. Same inputs, same report (nothing in it depends on the
/// clock or on thread timing). The schema is documented in README.
public struct ExportReport: Codable, Sendable, Equatable {
    public struct Output: Codable, Sendable, Equatable {
        /// The book, the text file, the vault folder, or `-` for stdout.
        public var path: String
        public var format: String
        /// The file's size; the notes' and attachments' total for a vault;
        /// `nil` for stdout.
        public var bytes: Int?
        public var articles: Int
        public var chapters: Int
        /// A book split by `--max-size`: each volume (`path` is then the
        /// name the volumes derive from, `bytes` their total).
        public var volumes: [Output]?

        public init(path: String, format: String, bytes: Int?, articles: Int, chapters: Int) {
            self.path = path
            self.format = format
            self.bytes = bytes
            self.articles = articles
            self.chapters = chapters
        }
    }

    public struct Skipped: Codable, Sendable, Equatable {
        public var file: String
        public var reason: String
    }

    public struct MissingPicture: Codable, Sendable, Equatable {
        public var file: String
        /// The picture's source as the article wrote it (`data: URI` for inline data).
        public var source: String
        public var reason: String
    }

    public struct Pictures: Codable, Sendable, Equatable {
        /// Distinct pictures in the output.
        public var bundled: Int
        public var missing: [MissingPicture]
    }

    public struct Problem: Codable, Sendable, Equatable {
        public var file: String?
        public var message: String
    }

    public struct Cause: Codable, Sendable, Equatable {
        public var cause: String
        public var count: Int
    }

    public var bindery: String
    public var output: Output
    /// Article files found in the inputs (read, skipped or not).
    public var filesRead: Int
    public var skipped: [Skipped]
    public var duplicates: [Duplicate]
    public var pictures: Pictures
    /// Pages larger than Adobe's engine (Kobo, older readers) handles.
    public var oversizedPages: [Problem]
    /// Problems that repeat across articles, once each with a count.
    public var causes: [Cause]
    /// Every warning of the run, in the order reported.
    public var warnings: [Problem]

    /// The report of an export whose problems went to `log`.
    public init(output: Output, filesRead: Int, duplicates: [Duplicate], picturesBundled: Int, diagnostics: [Diagnostic]) {
        bindery = BinderyVersion.string
        self.output = output
        self.filesRead = filesRead
        self.duplicates = duplicates
        skipped = diagnostics.filter { $0.kind == .fileSkipped }.map { Skipped(file: $0.file ?? "", reason: $0.message) }
        pictures = Pictures(bundled: picturesBundled, missing: diagnostics.filter { $0.kind == .pictureMissing }.map {
            MissingPicture(file: $0.file ?? "", source: $0.subject ?? "", reason: $0.message)
        })
        oversizedPages = diagnostics.filter { $0.kind == .pageTooLarge }.map { Problem(file: $0.file, message: $0.message) }
        causes = DiagnosticGroup.grouping(diagnostics).map { Cause(cause: $0.cause, count: $0.count) }
        warnings = diagnostics.map { Problem(file: $0.file, message: $0.message) }
    }

    /// Pretty-printed JSON, keys sorted.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Writes the report to `url`, atomically.
    public func write(to url: URL) throws {
        try AtomicOutput.write(json(), to: url)
    }
}
