import Foundation

/// Finds and reads images an article refers to by relative path, e.g.
/// `images/x.png` beside the article file.
///
/// An article is untrusted input: a reference may only reach files inside the
/// input folder it was found under (`SourceFile.root`). The check happens in
/// two steps before anything is opened: the path is normalized lexically (so
/// `../` cannot climb out), then `realpath(3)` resolves symbolic links and the
/// real path must still lie inside the real root. Absolute paths and `file:`
/// URLs are never followed.
enum LocalImageLoader {
    enum Location: Equatable {
        /// The real path of an existing file inside the root.
        case file(String)
        case notFound
        /// Not looked at, for the reason given.
        case refused(String)
    }

    /// Where `reference` (a relative URL path as written in `src`) points,
    /// without opening anything.
    static func locate(_ reference: String, in source: SourceFile, realPaths: RealPaths) -> Location {
        var path = reference
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        if path.isEmpty { return .refused("empty image reference") }
        if path.hasPrefix("/") { return .refused("absolute path \(reference) is not read") }
        if path.utf8.contains(0) { return .refused("invalid path \(reference)") }

        // Paths are normalized as `standardizedFileURL` would, on their
        // text: a week's pictures made it the costliest step of a lookup.
        let root = "/" + normalized(source.root.path, onto: []).joined(separator: "/")
        var folder = normalized(source.url.path, onto: [])
        if !folder.isEmpty { folder.removeLast() }  // the article's own file name
        let candidate = "/" + normalized(path, onto: folder).joined(separator: "/")
        guard isInside(candidate, root) else {
            return .refused("\(reference) lies outside the input folder and is not read")
        }
        let real: String
        switch realPaths.resolve(candidate) {
        case .success(let path): real = path
        case .failure(let failure):
            let code = failure.code
            return code == ENOENT || code == ENOTDIR ? .notFound : .refused("\(reference): \(String(cString: strerror(code)))")
        }
        guard case .success(let realRoot) = realPaths.resolve(root), isInside(real, realRoot) else {
            return .refused("\(reference) is a link leading outside the input folder and is not read")
        }
        return .file(real)
    }

    /// The bytes and type of a located file, refusing non-regular files,
    /// files over `maxBytes` and anything that is not an image by its bytes.
    static func read(_ realPath: String, maxBytes: Int) -> Result<(Data, ImageType), FetchFailure> {
        var info = stat()
        guard stat(realPath, &info) == 0 else { return .failure(.transport(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.transport("not a regular file")) }
        guard Int(info.st_size) <= maxBytes else { return .failure(.tooLarge(limit: maxBytes)) }
        guard let data = FileManager.default.contents(atPath: realPath) else {
            return .failure(.transport("cannot be read"))
        }
        guard let type = ImageType.sniff(data) else { return .failure(.notAnImage(contentType: nil)) }
        return .success((data, type))
    }

    /// `path` is `root` or below it (component-wise, so `/a/bc` is not inside `/a/b`).
    /// `path`'s components appended to `base`, `.` dropped and `..` taking
    /// one off (never above the root).
    private static func normalized(_ path: String, onto base: [Substring]) -> [Substring] {
        var components = base
        // Split on the byte, as the file system does (splitting Characters
        // cost some 20,000 instructions a picture, and would keep a `/` that
        // a combining mark follows).
        for bytes in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let part = Substring(bytes)
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(part)
            }
        }
        return components
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        return path == base || path.hasPrefix(base + "/") || base.isEmpty
    }
}

/// `realpath(3)` with memory: an export asks for its input folder's real
/// path with every local picture, and for the same few pictures again and
/// again; each call costs a `readlink` per path component. Files do not
/// move during an export. Thread-safe.
final class RealPaths: @unchecked Sendable {
    struct Failure: Error {
        var code: Int32
    }

    private let lock = NSLock()
    private var known: [String: Result<String, Failure>] = [:]

    func resolve(_ path: String) -> Result<String, Failure> {
        lock.lock()
        let remembered = known[path]
        lock.unlock()
        if let remembered { return remembered }
        let result: Result<String, Failure>
        if let resolved = realpath(path, nil) {
            result = .success(String(cString: resolved))
            free(resolved)
        } else {
            result = .failure(Failure(code: errno))
        }
        lock.lock()
        known[path] = result
        lock.unlock()
        return result
    }
}
