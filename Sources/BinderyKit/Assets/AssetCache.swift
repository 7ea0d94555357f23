import Foundation

/// What the cache remembers about one image URL.
enum CachedOutcome: Sendable, Hashable {
    /// The URL gave this image: content SHA-256 (hex) and type.
    case image(hash: String, type: ImageType)
    /// The URL failed at `time`; not tried again until the entry expires.
    case failure(reason: String, time: Date)
}

/// A persistent, content-addressed image cache shared by all exports, so that
/// exporting the same week again, or an overlapping one, downloads nothing twice.
///
/// Layout under `directory`:
/// - `blobs/<sha256 of content>`: the image bytes;
/// - `urls/<sha256 of URL>`: `image\n<hash>\n<media type>\n` or
///   `failure\n<unix seconds>\n<reason>\n`;
/// - `processed/<key>`: what processing made of a picture (`ProcessedPictureStore`),
///   the processed bytes being blobs too.
///
/// Every file is written to a temporary name in its final folder and renamed
/// into place (`rename(2)` is atomic within a file system), so readers never
/// see half an entry and concurrent writers (threads or processes) at worst
/// replace an entry by an equally valid one. A blob is written before the
/// entry naming it.
///
/// When the folder cannot be created or written, the cache keeps everything in
/// memory for this run instead (`problem` says why).
final class AssetCache: @unchecked Sendable {
    let directory: URL?
    /// `directory`'s path: entries are looked up by plain string paths, as
    /// URL path operations cost more than the failed `open` of a lookup
    /// that finds nothing (the usual case offline with an empty cache).
    private let path: String?
    /// Why the cache is memory-only, when it is.
    private(set) var problem: String?

    private let lock = NSLock()
    private var memoryEntries: [String: CachedOutcome] = [:]
    private var memoryBlobs: [String: Data] = [:]

    init(directory: URL?) {
        guard let directory else {
            self.directory = nil
            path = nil
            return
        }
        do {
            for folder in ["blobs", "urls", "processed"] {
                try FileManager.default.createDirectory(
                    at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            self.directory = directory
            path = directory.path
        } catch {
            self.directory = nil
            path = nil
            problem = "image cache \(directory.path) is unusable (\(error.localizedDescription)); images are kept in memory for this run"
        }
    }

    /// `$XDG_CACHE_HOME/bindery`, else `~/.cache/bindery` (XDG Base Directory
    /// Specification: a relative `XDG_CACHE_HOME` is invalid and ignored).
    static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("bindery", isDirectory: true)
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/bindery", isDirectory: true)
        }
        return nil
    }

    static func key(for url: URL) -> String { SHA256.hexDigest(url.absoluteString) }

    // MARK: - Reading

    func outcome(for url: URL) -> CachedOutcome? {
        let key = Self.key(for: url)
        guard let path else {
            lock.lock()
            defer { lock.unlock() }
            return memoryEntries[key]
        }
        // A plain open: most lookups are misses, and FileManager makes a miss cost as much as a read.
        guard let bytes = try? TextBytes.readFile(path + "/urls/" + key) else { return nil }
        return Self.parseEntry(Data(bytes))
    }

    /// The bytes of a cached image, or `nil` if the blob is gone.
    func blob(_ hash: String) -> Data? {
        guard Self.isHash(hash) else { return nil }
        guard let path else {
            lock.lock()
            defer { lock.unlock() }
            return memoryBlobs[hash]
        }
        return FileManager.default.contents(atPath: path + "/blobs/" + hash)
    }

    // MARK: - Writing

    /// Stores `data` (already sniffed as `type`) and points each URL at it.
    /// Returns the content hash.
    @discardableResult
    func store(_ data: Data, type: ImageType, for urls: [URL]) -> String {
        let hash = SHA256.hexDigest(data)
        store(data, hash: hash, type: type, for: urls)
        return hash
    }

    func store(_ data: Data, hash: String, type: ImageType, for urls: [URL]) {
        let entry = CachedOutcome.image(hash: hash, type: type)
        guard let directory else {
            lock.lock()
            memoryBlobs[hash] = data
            for url in urls { memoryEntries[Self.key(for: url)] = entry }
            lock.unlock()
            return
        }
        let blobURL = directory.appendingPathComponent("blobs/\(hash)")
        if !FileManager.default.fileExists(atPath: blobURL.path) {
            guard Self.writeAtomically(data, to: blobURL) else { return }
        }
        for url in urls {
            Self.writeAtomically(Self.serialize(entry), to: directory.appendingPathComponent("urls/\(Self.key(for: url))"))
        }
    }

    func storeFailure(_ reason: String, time: Date, for url: URL) {
        // One line: a reason must not break the entry format.
        let flat = reason.replacingOccurrences(of: "\n", with: " ")
        let entry = CachedOutcome.failure(reason: flat, time: time)
        guard let directory else {
            lock.lock()
            memoryEntries[Self.key(for: url)] = entry
            lock.unlock()
            return
        }
        Self.writeAtomically(Self.serialize(entry), to: directory.appendingPathComponent("urls/\(Self.key(for: url))"))
    }

    // MARK: - Entry format

    static func serialize(_ outcome: CachedOutcome) -> Data {
        switch outcome {
        case .image(let hash, let type):
            return Data("image\n\(hash)\n\(type.mediaType)\n".utf8)
        case .failure(let reason, let time):
            return Data("failure\n\(Int64(time.timeIntervalSince1970))\n\(reason)\n".utf8)
        }
    }

    static func parseEntry(_ data: Data) -> CachedOutcome? {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3 else { return nil }
        switch lines[0] {
        case "image":
            guard isHash(String(lines[1])), let type = ImageType(rawValue: String(lines[2])) else { return nil }
            return .image(hash: String(lines[1]), type: type)
        case "failure":
            guard let seconds = Int64(lines[1]) else { return nil }
            return .failure(reason: String(lines[2]), time: Date(timeIntervalSince1970: TimeInterval(seconds)))
        default:
            return nil
        }
    }

    private static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Temporary file in the destination's folder, then `rename(2)`.
    @discardableResult
    static func writeAtomically(_ data: Data, to destination: URL) -> Bool {
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try data.write(to: temporary)
        } catch {
            unlink(temporary.path)
            return false
        }
        guard rename(temporary.path, destination.path) == 0 else {
            unlink(temporary.path)
            return false
        }
        return true
    }
}
