import Foundation

/// A picture as found (fetched, cached or read from a local file), before processing.
struct SourcePicture {
    /// SHA-256 of the bytes, hex.
    var hash: String
    var type: ImageType
    /// The bytes; read only when needed (a warm cache never needs them).
    var load: () -> Data?
}

/// What an article gets for one picture reference.
enum PictureOutcome {
    case asset(Asset)
    /// A tracking pixel: the `img` goes without a trace.
    case dropped
    case failure(FetchFailure)
}

/// The processing step of one export: each distinct source picture is
/// processed once, whatever the number of articles and threads asking for
/// it (later askers wait for the first), and not at all when the
/// `ProcessedPictureStore` already knows the result. Thread-safe.
final class PictureStep: @unchecked Sendable {
    let processor: PictureProcessor
    let store: ProcessedPictureStore
    private let lock = NSLock()
    /// One cell per source hash; a cell's own lock is held while it is being filled.
    private var cells: [String: Cell] = [:]
    private var processedCount = 0

    private final class Cell: @unchecked Sendable {
        let lock = NSLock()
        var entry: ProcessedPictureStore.Entry?
    }

    init(processor: PictureProcessor, cache: AssetCache) {
        self.processor = processor
        store = ProcessedPictureStore(cache: cache)
    }

    /// Pictures decoded and processed in this export (0 on a warm cache).
    var picturesProcessed: Int {
        lock.lock()
        defer { lock.unlock() }
        return processedCount
    }

    func prepare(_ source: SourcePicture) -> PictureOutcome {
        lock.lock()
        let cell = cells[source.hash] ?? Cell()
        cells[source.hash] = cell
        lock.unlock()

        cell.lock.lock()
        defer { cell.lock.unlock() }
        if let entry = cell.entry, let outcome = outcome(of: entry, source) { return outcome }
        let key = ProcessedPictureStore.key(sourceHash: source.hash, settings: processor.settings, accepted: processor.accepted)
        if let entry = store.entry(for: key), let outcome = outcome(of: entry, source) {
            cell.entry = entry
            return outcome
        }
        guard let data = source.load() else { return .failure(.notCached) }
        let entry: ProcessedPictureStore.Entry
        switch processor.process(data, type: source.type) {
        case .original: entry = .original
        case .dropped: entry = .dropped
        case .undecodable(let reason): entry = .damaged(reason: reason)
        case .converted(let bytes, let type):
            let hash = SHA256.hexDigest(bytes)
            // The blob first, then the entry naming it (as the cache does).
            store.cache.store(bytes, hash: hash, type: type, for: [])
            entry = .image(hash: hash, type: type)
        }
        lock.lock()
        processedCount += 1
        lock.unlock()
        store.store(entry, for: key)
        cell.entry = entry
        return outcome(of: entry, source) ?? .failure(.notCached)
    }

    /// The outcome an entry stands for; `nil` when its bytes are gone (a
    /// cleaned cache), so the picture is processed again.
    private func outcome(of entry: ProcessedPictureStore.Entry, _ source: SourcePicture) -> PictureOutcome? {
        switch entry {
        case .dropped: return .dropped
        case .damaged(let reason): return .failure(.undecodable(reason))
        case .original:
            guard source.type == .svg || processor.accepted.contains(source.type) else {
                return .failure(.unsupportedType(source.type))
            }
            guard let data = source.load() else { return nil }
            return .asset(Asset(fileName: AssetResolver.fileName(hash: source.hash, type: source.type), type: source.type, data: data))
        case .image(let hash, let type):
            guard let data = store.cache.blob(hash) else { return nil }
            return .asset(Asset(fileName: AssetResolver.fileName(hash: hash, type: type), type: type, data: data))
        }
    }
}
