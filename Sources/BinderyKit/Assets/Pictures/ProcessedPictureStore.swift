import Foundation

/// Remembers across exports what processing made of each picture, so that a
/// re-export with the same settings does no picture work at all: the key is
/// the source's content hash plus everything that changes the result
/// (`PictureSettings.cacheTag` and the types the output carries); the
/// processed bytes are content-addressed blobs of the `AssetCache`.
///
/// Entries live in `processed/<key>` of the cache folder, one line per
/// field, written atomically like the cache's own; without a cache folder
/// they are kept in memory for the run.
final class ProcessedPictureStore: @unchecked Sendable {
    enum Entry: Sendable, Hashable {
        /// The source goes into the output as it is.
        case original
        /// The processed picture: content SHA-256 (a blob) and type.
        case image(hash: String, type: ImageType)
        /// A tracking pixel.
        case dropped
        /// The source cannot be decoded.
        case damaged(reason: String)
    }

    let cache: AssetCache
    private let folder: URL?
    private let lock = NSLock()
    private var memory: [String: Entry] = [:]

    init(cache: AssetCache) {
        self.cache = cache
        folder = cache.directory?.appendingPathComponent("processed", isDirectory: true)
    }

    static func key(sourceHash: String, settings: PictureSettings, accepted: Set<ImageType>) -> String {
        let types = accepted.map(\.fileExtension).sorted().joined(separator: ",")
        return SHA256.hexDigest("\(sourceHash)\n\(settings.cacheTag)\naccepts=\(types)")
    }

    func entry(for key: String) -> Entry? {
        guard let folder else {
            lock.lock()
            defer { lock.unlock() }
            return memory[key]
        }
        guard let data = FileManager.default.contents(atPath: folder.path + "/" + key) else { return nil }
        return Self.parse(data)
    }

    func store(_ entry: Entry, for key: String) {
        guard let folder else {
            lock.lock()
            memory[key] = entry
            lock.unlock()
            return
        }
        AssetCache.writeAtomically(Self.serialize(entry), to: folder.appendingPathComponent(key))
    }

    // MARK: - Entry format

    static func serialize(_ entry: Entry) -> Data {
        switch entry {
        case .original: return Data("original\n".utf8)
        case .image(let hash, let type): return Data("image\n\(hash)\n\(type.mediaType)\n".utf8)
        case .dropped: return Data("dropped\n".utf8)
        case .damaged(let reason): return Data("damaged\n\(reason.replacingOccurrences(of: "\n", with: " "))\n".utf8)
        }
    }

    static func parse(_ data: Data) -> Entry? {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch lines.first {
        case "original": return .original
        case "dropped": return .dropped
        case "damaged" where lines.count >= 2: return .damaged(reason: lines[1])
        case "image" where lines.count >= 3:
            guard lines[1].utf8.count == 64, let type = ImageType(rawValue: lines[2]) else { return nil }
            return .image(hash: lines[1], type: type)
        default: return nil
        }
    }
}
