import Foundation

/// The books of one library folder, kept current without a restart: the
/// folder is listed again when a request comes at least `rescanInterval`
/// after the last listing, and only new or changed files are opened.
public final class Library: @unchecked Sendable {
    /// The folder's real path.
    public let root: URL
    let rescanInterval: TimeInterval
    private let onProblem: @Sendable (String) -> Void
    private let lock = NSLock()
    private var snapshot = LibrarySnapshot(books: [])
    private var problems: [FileStamp: String] = [:]
    private var lastScan: TimeInterval = -.infinity

    /// Thrown when the library folder does not exist or is no folder.
    public struct FolderError: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): no such folder" }
    }

    /// `onProblem` hears each unreadable book once per version of its file.
    public init(folder: URL, rescanInterval: TimeInterval = 2, onProblem: @escaping @Sendable (String) -> Void = { _ in }) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
              let real = LibraryScanner(root: "/").realPath(folder.path) else {
            throw FolderError(path: folder.path)
        }
        root = URL(fileURLWithPath: real, isDirectory: true)
        self.rescanInterval = rescanInterval
        self.onProblem = onProblem
    }

    /// The books as of now (listing the folder again if it is time to).
    public func current() -> LibrarySnapshot {
        lock.lock()
        defer { lock.unlock() }
        let now = ProcessInfo.processInfo.systemUptime
        if now - lastScan >= rescanInterval {
            rescan()
            lastScan = now
        }
        return snapshot
    }

    private func rescan() {
        let previous = Dictionary(snapshot.newest.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        let result = LibraryScanner(root: root.path).scan(previous: previous, knownProblems: problems)
        for (stamp, problem) in result.problems where problems[stamp] == nil { onProblem(problem) }
        problems = result.problems
        snapshot = LibrarySnapshot(books: result.entries)
    }
}

/// The books at one moment, in the orders the catalog shows them.
public struct LibrarySnapshot: Sendable {
    /// Newest file first (what was added last), then by title.
    public let newest: [LibraryEntry]
    /// By title, then path.
    public let byTitle: [LibraryEntry]
    private let byID: [String: LibraryEntry]

    init(books: [LibraryEntry]) {
        newest = books.sorted {
            ($0.stamp.modifiedNanoseconds, $1.info.title, $1.relativePath) > ($1.stamp.modifiedNanoseconds, $0.info.title, $0.relativePath)
        }
        byTitle = books.sorted { ($0.info.title, $0.relativePath) < ($1.info.title, $1.relativePath) }
        byID = Dictionary(books.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func book(id: String) -> LibraryEntry? { byID[id] }

    /// Series (or digests) with their books, newest first, series by name.
    public var series: [(id: String, name: String, books: [LibraryEntry])] {
        var groups: [String: [LibraryEntry]] = [:]
        for book in newest { groups[book.info.seriesName, default: []].append(book) }
        return groups.keys.sorted().map { name in (Self.seriesID(name), name, groups[name]!) }
    }

    public static func seriesID(_ name: String) -> String { String(SHA256.hexDigest(name).prefix(16)) }

    /// Books whose title, author, series or summary contains every word of
    /// `query` (case-insensitive), newest first.
    public func search(_ query: String) -> [LibraryEntry] {
        let words = query.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return [] }
        return newest.filter { book in
            let haystack = ([book.info.title, book.info.seriesName, book.info.summary ?? ""] + book.info.authors)
                .joined(separator: "\n").lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    /// The date shown as a book's `updated`: its `dcterms:modified`, else the file's time.
    public static func updated(_ book: LibraryEntry) -> Date { book.info.modified ?? book.stamp.modified }
}
