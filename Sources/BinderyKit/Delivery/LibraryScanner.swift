import Foundation

/// Lists the EPUB books below a folder: regular `.epub` files, hidden names
/// skipped, symbolic links followed only when they stay inside the folder.
/// A book whose file did not change since the last scan keeps its entry, so
/// a rescan costs one `stat` per file, not one unzip.
struct LibraryScanner {
    /// The library folder's real path.
    let root: String
    /// Folders nested deeper than this are not listed.
    static let maxDepth = 8

    struct Result {
        var entries: [LibraryEntry]
        /// Books that could not be read: path and reason, by stamp (so each
        /// version of a broken file is reported once).
        var problems: [FileStamp: String]
    }

    func scan(previous: [String: LibraryEntry], knownProblems: [FileStamp: String]) -> Result {
        var result = Result(entries: [], problems: [:])
        var visited: Set<[UInt64]> = []
        walk(folder: root, relative: "", depth: 0, visited: &visited) { path, relative, info in
            let stamp = FileStamp(info)
            if let old = previous[relative], old.stamp == stamp {
                result.entries.append(old)
                return
            }
            if let problem = knownProblems[stamp] {
                result.problems[stamp] = problem
                return
            }
            let url = URL(fileURLWithPath: path)
            do {
                let book = try PackageMetadataReader.read(url)
                result.entries.append(LibraryEntry(id: Self.id(for: relative), relativePath: relative, url: url, stamp: stamp, info: book))
            } catch {
                result.problems[stamp] = "\(error)"
            }
        }
        return result
    }

    static func id(for relativePath: String) -> String {
        String(SHA256.hexDigest(relativePath).prefix(16))
    }

    private func walk(folder: String, relative: String, depth: Int, visited: inout Set<[UInt64]>,
                      _ found: (String, String, stat) -> Void) {
        var folderInfo = stat()
        guard depth <= Self.maxDepth, stat(folder, &folderInfo) == 0,
              visited.insert([UInt64(folderInfo.st_dev), UInt64(folderInfo.st_ino)]).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            guard let real = realPath(path), real == root || real.hasPrefix(root + "/") else { continue }
            var info = stat()
            guard stat(real, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(folder: real, relative: relativePath, depth: depth + 1, visited: &visited, found)
            case S_IFREG where name.lowercased().hasSuffix(".epub"):
                found(real, relativePath, info)
            default:
                continue
            }
        }
    }

    /// realpath(3): the path with every symbolic link resolved.
    func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
