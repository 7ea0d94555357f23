import Foundation

/// A private temporary folder (mkdtemp(3), so its name cannot collide) that
/// is removed with everything in it when `remove()` is called or the value
/// is deallocated.
final class StagingFolder {
    let url: URL
    private var removed = false

    init(prefix: String, in parent: URL = FileManager.default.temporaryDirectory) throws {
        let base = parent.path
        var template = Array("\(base)/\(prefix).XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard created else {
            throw StagingError(reason: String(cString: strerror(errno)))
        }
        // `template` is NUL-terminated and now holds the created path.
        let path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        url = URL(fileURLWithPath: path, isDirectory: true)
    }

    func remove() {
        guard !removed else { return }
        removed = true
        try? FileManager.default.removeItem(at: url)
    }

    deinit { remove() }

    struct StagingError: Error {
        var reason: String
    }
}
