import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `bindery fetch` remembers between runs, kept in the archive folder
/// as `.bindery-feeds.json` (hidden, so the archive reader skips it):
/// per feed its validators and where it moved, per archived entry its file
/// and a hash of its content.
struct FeedState: Codable, Sendable, Equatable {
    struct Feed: Codable, Sendable, Equatable {
        var etag: String?
        var lastModified: String?
        /// Where a permanent redirect (301, 308) sent the feed: asked first next time.
        var movedTo: String?
        /// A server asked not to be asked again before this time (`Retry-After`).
        var notBefore: Date?
    }

    struct Entry: Codable, Sendable, Equatable {
        /// The feed as given (guids are only unique within a feed).
        var feed: String
        var id: String?
        var url: String?
        /// The archive file, relative to the archive folder.
        var file: String
        /// SHA-256 of the entry's title, link, author, picture and HTML.
        var hash: String
        /// The instant written in the file's epoch line, in milliseconds.
        var instant: Int64
    }

    var version = 1
    var feeds: [String: Feed] = [:]
    var entries: [Entry] = []

    static let fileName = ".bindery-feeds.json"
    static let lockName = ".bindery-feeds.lock"
}

/// Thrown when the archive folder or its state cannot be used.
public enum FeedArchiveError: Error, CustomStringConvertible {
    /// Thrown when the folder cannot be created or the state file not read or written.
    case unusable(path: String, reason: String)
    /// Thrown when another `bindery fetch` is writing into the same folder.
    case busy(path: String)

    public var description: String {
        switch self {
        case .unusable(let path, let reason): return "\(path): \(reason)"
        case .busy(let path): return "\(path): another bindery fetch is writing into this folder"
        }
    }
}

/// The state of one archive folder during a run: loaded at the start under
/// an exclusive lock (two runs into one folder would write each other's
/// entries twice), consulted and updated by concurrent feeds, saved
/// atomically at the end. Thread-safe.
final class FeedStateStore: @unchecked Sendable {
    let folder: URL
    private let lock = NSLock()
    private var state: FeedState
    private var byID: [String: Int] = [:]
    private var byURL: [String: Int] = [:]
    private var lockDescriptor: Int32 = -1

    init(folder: URL) throws {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FeedArchiveError.unusable(path: folder.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let lockPath = folder.appendingPathComponent(FeedState.lockName).path
        lockDescriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else {
            throw FeedArchiveError.unusable(path: lockPath, reason: String(cString: strerror(errno)))
        }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(lockDescriptor)
            throw FeedArchiveError.busy(path: folder.path)
        }
        let stateURL = folder.appendingPathComponent(FeedState.fileName)
        if FileManager.default.fileExists(atPath: stateURL.path) {
            do {
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .millisecondsSince1970
                state = try decoder.decode(FeedState.self, from: Data(contentsOf: stateURL))
            } catch {
                close(lockDescriptor)
                throw FeedArchiveError.unusable(path: stateURL.path, reason: "unreadable state (\(error.localizedDescription)); move it away to start afresh")
            }
        } else {
            state = FeedState()
        }
        for position in state.entries.indices { index(entryAt: position) }
    }

    deinit { unlock() }

    /// Lets another run use the folder (also done when the store goes away).
    func unlock() {
        lock.lock()
        let descriptor = lockDescriptor
        lockDescriptor = -1
        lock.unlock()
        if descriptor >= 0 { close(descriptor) }
    }

    func feed(_ key: String) -> FeedState.Feed {
        lock.lock()
        defer { lock.unlock() }
        return state.feeds[key] ?? FeedState.Feed()
    }

    func setFeed(_ key: String, _ record: FeedState.Feed) {
        lock.lock()
        state.feeds[key] = record
        lock.unlock()
    }

    /// The archived entry with this guid in this feed, else with this URL.
    func entry(feed: String, id: String?, url: URL?) -> FeedState.Entry? {
        lock.lock()
        defer { lock.unlock() }
        if let id, let index = byID[Self.idKey(feed, id)] { return state.entries[index] }
        if let url, let index = byURL[DuplicateKey.make(url)] { return state.entries[index] }
        return nil
    }

    /// Records `entry` as archived, replacing `previous` (same guid or URL),
    /// unless another feed archived it in the meantime: then returns that
    /// record and records nothing.
    func record(_ entry: FeedState.Entry, replacing previous: FeedState.Entry?) -> FeedState.Entry? {
        lock.lock()
        defer { lock.unlock() }
        var existing: Int?
        if let id = entry.id { existing = byID[Self.idKey(entry.feed, id)] }
        if existing == nil, let url = entry.url.flatMap(URL.init(string:)) { existing = byURL[DuplicateKey.make(url)] }
        if let existing {
            if state.entries[existing] != previous { return state.entries[existing] }
            state.entries[existing] = entry
            index(entryAt: existing)
        } else {
            state.entries.append(entry)
            index(entryAt: state.entries.count - 1)
        }
        return nil
    }

    /// Undoes `record(entry, replacing: previous)` (its file could not be written).
    func withdraw(_ entry: FeedState.Entry, restoring previous: FeedState.Entry?) {
        lock.lock()
        defer { lock.unlock() }
        guard let position = state.entries.firstIndex(of: entry) else { return }
        if let previous {
            state.entries[position] = previous
        } else {
            state.entries.remove(at: position)
        }
        byID = [:]
        byURL = [:]
        for position in state.entries.indices { index(entryAt: position) }
    }

    /// Writes the state atomically (sorted, so the same state is the same bytes).
    func save() throws {
        lock.lock()
        var snapshot = state
        lock.unlock()
        snapshot.entries.sort { ($0.file, $0.feed) < ($1.file, $1.feed) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        let target = folder.appendingPathComponent(FeedState.fileName)
        do {
            try AtomicOutput.write(try encoder.encode(snapshot) + Data("\n".utf8), to: target)
        } catch {
            throw FeedArchiveError.unusable(path: target.path, reason: "\(error)")
        }
    }

    private func index(entryAt index: Int) {
        let entry = state.entries[index]
        if let id = entry.id { byID[Self.idKey(entry.feed, id)] = index }
        if let url = entry.url.flatMap(URL.init(string:)) { byURL[DuplicateKey.make(url)] = index }
    }

    private static func idKey(_ feed: String, _ id: String) -> String { feed + "\u{0}" + id }
}
