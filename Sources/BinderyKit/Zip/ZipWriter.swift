import CLibZip
import Foundation

/// Writes a zip archive with libzip: entries in the order added, fixed
/// times and attributes (same input, same bytes), no extra fields and no
/// data descriptors (EPUB OCF 3.3 §4.3 needs both for `mimetype`).
///
/// Memory stays flat however many entries a book has: entries are gathered
/// into batches of about `batchByteLimit` bytes, and each full batch is
/// compressed into a staging zip on a background queue while the caller
/// produces the next one. `close()` then copies the compressed bytes of every
/// entry, in order, into the archive without recompressing them. The staging
/// folder is removed on close, on failure and in `deinit`.
///
/// Not thread-safe: one caller adds entries, then closes.
public final class ZipWriter {
    public enum Method: Sendable { case store, deflate }

    /// The deflate level (see `Deflater`), which libzip is told with each
    /// copied entry (it writes no level of its own: the bytes are copied).
    public static let deflateLevel = UInt32(Deflater.defaultLevel)
    /// Uncompressed bytes gathered before a batch is handed to the compressor.
    /// Two batches are in memory at once (one gathered, one compressed): at
    /// 3 MB rather than 4, the peak of an export of 10,000 articles, at its
    /// end, is 2.5 MB lower, for a few more staging files.
    static let batchByteLimit = 3 << 20

    public let url: URL
    private let staging: StagingFolder
    private var placements: [Placement] = []
    private var names: Set<String> = []
    private var pending: [ZipBatch.Entry] = []
    private var pendingBytes = 0
    private var batchCount = 0
    private var isOpen = true
    private let compressor = DispatchQueue(label: "bindery.zip.compressor")
    /// One batch compresses while the caller fills the next: no more in memory.
    private let inFlight = DispatchSemaphore(value: 1)
    private let failure = FirstFailure()
    /// Where each batch's entries are in its staging file, set as it is written.
    private let staged = StagedLayouts()
    /// Batches from now on deflate on all cores: set for the last entries,
    /// once nothing else runs (the end of a book).
    public var deflatesOnAllCores = false

    /// Where each entry's compressed bytes wait: batch number, index in it.
    private struct Placement {
        var path: String
        var method: Method
        var batch: Int
        var index: Int
    }

    /// Starts an archive that `close()` writes to `url` (replacing any file there).
    public convenience init(url: URL) throws {
        try self.init(url: url, stagingParent: FileManager.default.temporaryDirectory)
    }

    /// `stagingParent`: where the private staging folder is made (tests look inside).
    init(url: URL, stagingParent: URL) throws {
        self.url = url
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ZipError.cannotCreate(archive: url.path, reason: "folder \(folder) does not exist")
        }
        guard access(folder, W_OK) == 0 else {
            throw ZipError.cannotCreate(archive: url.path, reason: "folder \(folder): \(String(cString: strerror(errno)))")
        }
        do {
            staging = try StagingFolder(prefix: "bindery-zip", in: stagingParent)
        } catch let error as StagingFolder.StagingError {
            throw ZipError.cannotCreate(archive: url.path, reason: "staging folder: \(error.reason)")
        }
    }

    deinit {
        // Let a running batch finish before its folder disappears.
        compressor.sync {}
        staging.remove()
    }

    /// Adds an entry; entries appear in the archive in the order added.
    /// `path` is the entry name (`EPUB/text/a00001.xhtml`), unique, relative,
    /// `/`-separated.
    public func add(path: String, data: Data, method: Method) throws {
        guard isOpen else { throw ZipError.closed(archive: url.path) }
        try validate(path)
        if let error = failure.error {
            abandon()
            throw error
        }
        names.insert(path)
        placements.append(Placement(path: path, method: method, batch: batchCount, index: pending.count))
        pending.append(ZipBatch.Entry(path: path, data: data, method: method))
        pendingBytes += data.count
        if pendingBytes >= Self.batchByteLimit || pending.count >= StagingArchive.maximumEntries { handOffPendingBatch() }
    }

    /// Writes the archive to `url`. On failure nothing is left at `url`
    /// that was not there before (`ZipFileSink` writes a temporary and renames it).
    public func close() throws {
        guard isOpen else { throw ZipError.closed(archive: url.path) }
        // The last batch is compressed here, while the compressor may still
        // work on the one before: nothing else is left for this thread to do.
        if let last = takePendingBatch() {
            do { staged.set(batchCount - 1, try last.write(onAllCores: deflatesOnAllCores)) } catch { failure.record(error) }
        }
        compressor.sync {}
        defer { abandon() }
        if let error = failure.error { throw error }
        try assemble()
    }

    // MARK: - Private

    /// Rejects names readers would misplace or that would escape the
    /// container (OCF 3.3 §4.2.2 file name restrictions, in spirit).
    private func validate(_ path: String) throws {
        func invalid(_ reason: String) -> ZipError {
            ZipError.invalidEntry(archive: url.path, entry: path, reason: reason)
        }
        if path.isEmpty { throw invalid("empty name") }
        if path.hasPrefix("/") { throw invalid("absolute name") }
        if path.contains("\\") { throw invalid("backslash in name") }
        // Each `/`-separated component, read as bytes (this runs for every entry).
        var componentLength = 0, dots = 0
        func endComponent() throws {
            if componentLength == 0 || (componentLength == dots && dots <= 2) {
                throw invalid("empty, `.` or `..` path component")
            }
            componentLength = 0
            dots = 0
        }
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                try endComponent()
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        try endComponent()
        if names.contains(path) { throw invalid("added twice") }
    }

    private func handOffPendingBatch() {
        guard let batch = takePendingBatch() else { return }
        inFlight.wait()
        let inFlight = self.inFlight, failure = self.failure, staged = self.staged, onAllCores = deflatesOnAllCores
        let number = batchCount - 1
        compressor.async {
            defer { inFlight.signal() }
            guard failure.error == nil else { return }
            do { staged.set(number, try batch.write(onAllCores: onAllCores)) } catch { failure.record(error) }
        }
    }

    /// The entries gathered since the last batch, as the next batch.
    private func takePendingBatch() -> ZipBatch? {
        guard !pending.isEmpty else { return nil }
        let batch = ZipBatch(url: stagingURL(batch: batchCount), entries: pending, archiveName: url.path)
        pending = []
        pendingBytes = 0
        batchCount += 1
        return batch
    }

    private func stagingURL(batch number: Int) -> URL {
        staging.url.appendingPathComponent("batch-" + number.zeroPadded(6) + ".zip")
    }

    /// Copies every staged entry into the final archive, in order.
    private func assemble() throws {
        let files = try StagingFiles((0..<batchCount).map(stagingURL(batch:)))
        let layouts = staged.all(batchCount)
        let archive = try ZipFileSink.openArchive(at: url) {
            ZipError.cannotWrite(archive: self.url.path, reason: $0)
        }
        let entryTime = LibZip.fixedEntryTime()
        try LibZip.fillAndClose(archive, makeError: { ZipError.cannotWrite(archive: self.url.path, reason: $0) }) {
            for placement in placements {
                try copy(placement, from: files, layouts[placement.batch][placement.index], to: archive, entryTime: entryTime)
            }
        }
    }

    private func copy(_ placement: Placement, from files: StagingFiles, _ staged: StagingArchive.Placed, to archive: OpaquePointer,
                      entryTime: time_t) throws {
        func failure() -> ZipError {
            ZipError.cannotAdd(archive: url.path, entry: placement.path, reason: LibZip.message(archive))
        }
        // The bytes as staged: libzip keeps them as they are because the
        // entry's method below matches the one the source names.
        guard let source = StagedEntrySource.make(files, file: placement.batch, entry: staged, in: archive) else {
            throw failure()
        }
        let index = zip_file_add(archive, placement.path, source, ZIP_FL_ENC_UTF_8)
        guard index >= 0 else {
            zip_source_free(source)
            throw failure()
        }
        let entry = UInt64(index)
        guard zip_set_file_compression(archive, entry, LibZip.compression(placement.method), Self.deflateLevel) == 0,
              zip_file_set_mtime(archive, entry, entryTime, 0) == 0,
              zip_file_set_external_attributes(archive, entry, 0, UInt8(ZIP_OPSYS_UNIX), LibZip.externalAttributes) == 0
        else { throw failure() }
    }

    /// Ends the writer after close or a failure: drops buffered data and the staging folder.
    private func abandon() {
        isOpen = false
        pending = []
        placements = []
        compressor.sync {}
        staging.remove()
    }
}

/// Each batch's staged layout, set by the compressor, read by `close()` once it is done.
private final class StagedLayouts: @unchecked Sendable {
    private let lock = NSLock()
    private var layouts: [Int: [StagingArchive.Placed]] = [:]

    func set(_ batch: Int, _ layout: [StagingArchive.Placed]) {
        lock.lock()
        layouts[batch] = layout
        lock.unlock()
    }

    /// The layouts of batches `0 ..< count`.
    func all(_ count: Int) -> [[StagingArchive.Placed]] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<count).map { layouts[$0] ?? [] }
    }
}

/// The first error of the background compressor, read by the caller's thread.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func record(_ error: Error) {
        lock.lock()
        if stored == nil { stored = error }
        lock.unlock()
    }
}

