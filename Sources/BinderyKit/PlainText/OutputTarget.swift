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
    static func sameContents(_ a: URL, _ b: URL) -> Bool {
        let fm = FileManager.default
        guard let sizeA = (try? fm.attributesOfItem(atPath: a.path))?[.size] as? NSNumber,
              let sizeB = (try? fm.attributesOfItem(atPath: b.path))?[.size] as? NSNumber,
              sizeA == sizeB else { return false }
        return fm.contentsEqual(atPath: a.path, andPath: b.path)
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
