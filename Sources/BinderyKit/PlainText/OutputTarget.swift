import Foundation

/// Where a single-document export goes: a file (written atomically), or
/// standard output (`-` on the command line), streamed as it is produced.
public enum OutputTarget: Sendable, Equatable {
    case file(URL)
    case standardOutput

    /// `-` means standard output; anything else is a file path.
    public init(path: String) {
        self = path == "-" ? .standardOutput : .file(URL(fileURLWithPath: path))
    }
}

/// Streams text to an `OutputTarget` in chunks, so that a book never has to
/// sit in memory as one string. A file goes to a temporary beside it and is
/// moved into place by `finish()`; if the finished bytes equal the existing
/// file's, the existing file is left untouched (same bytes, same mtime).
final class StreamingTextOutput {
    private let handle: FileHandle
    private let atomic: AtomicOutput?
    private var buffer = Data()
    private let chunkSize = 1 << 16
    private var finished = false

    init(_ target: OutputTarget) throws {
        switch target {
        case .standardOutput:
            handle = FileHandle.standardOutput
            atomic = nil
        case .file(let url):
            let output = try AtomicOutput(destination: url)
            guard FileManager.default.createFile(atPath: output.temporaryURL.path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: output.temporaryURL.path) else {
                throw OutputError(path: url.path, reason: "cannot create \(output.temporaryURL.lastPathComponent)")
            }
            self.handle = handle
            atomic = output
        }
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= chunkSize { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw OutputError(path: atomic?.destination.path ?? "standard output", reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Completes the output. Returns `false` when a file's content was
    /// already there unchanged.
    @discardableResult
    func finish() throws -> Bool {
        guard !finished else { return true }
        finished = true
        try flush()
        guard let atomic else { return true }
        try? handle.close()
        if FileComparison.sameContents(atomic.temporaryURL, atomic.destination) {
            atomic.discard()
            return false
        }
        try atomic.commit()
        return true
    }
}

enum FileComparison {
    /// Whether two files hold the same bytes (false if either is missing).
    /// Reads both in 64 KB blocks compared with `memcmp` (FileManager's
    /// `contentsEqual` compares byte by byte: seconds for a year's digest).
    static func sameContents(_ a: URL, _ b: URL) -> Bool {
        let fileA = open(a.path, O_RDONLY | O_CLOEXEC)
        guard fileA >= 0 else { return false }
        defer { close(fileA) }
        let fileB = open(b.path, O_RDONLY | O_CLOEXEC)
        guard fileB >= 0 else { return false }
        defer { close(fileB) }
        var statusA = stat(), statusB = stat()
        guard fstat(fileA, &statusA) == 0, fstat(fileB, &statusB) == 0,
              (statusA.st_mode & S_IFMT) == S_IFREG, (statusB.st_mode & S_IFMT) == S_IFREG,
              statusA.st_size == statusB.st_size else { return false }
        let blockSize = 1 << 16
        var blockA = [UInt8](repeating: 0, count: blockSize)
        var blockB = [UInt8](repeating: 0, count: blockSize)
        while true {
            let countA = blockA.withUnsafeMutableBytes { FileDescriptorReading.readFully(fileA, into: $0) }
            let countB = blockB.withUnsafeMutableBytes { FileDescriptorReading.readFully(fileB, into: $0) }
            guard countA >= 0, countA == countB else { return false }
            if countA == 0 { return true }
            guard memcmp(blockA, blockB, countA) == 0 else { return false }
        }
    }

    /// Writes `data` atomically unless `url` already holds exactly it.
    /// Returns whether the file was written.
    @discardableResult
    static func writeIfChanged(_ data: Data, to url: URL) throws -> Bool {
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber,
           size.intValue == data.count,
           let existing = try? Data(contentsOf: url), existing == data {
            return false
        }
        try AtomicOutput.write(data, to: url)
        return true
    }
}
