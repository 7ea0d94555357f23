import Foundation

/// Finds the article files among the inputs.
///
/// Folders are walked recursively; hidden entries (a leading `.`) are
/// skipped; only `.txt` and `.md` files other than a `README` are taken
/// from folders (a file named directly is always taken). A symbolic link is followed only when it
/// leads to a file inside the input folder — never out of it, and never to a
/// folder (whose files the walk reaches anyway, and which could loop).
struct InputWalker {
    struct Found {
        /// The plain path to open.
        var path: String
        /// The folder its article may refer to (`SourceFile.root`).
        var root: URL
        var displayName: String
        /// The file's URL when the walk had one already (an input given as a file).
        var url: URL?

        /// The file as its article names it. Its `URL` is made here, by
        /// the cores that read the heads, not by the walk: a `URL` per file
        /// was most of the walk, on one core before anything else could start.
        /// (`isDirectory` is told, so that Foundation does not ask the file system.)
        var source: SourceFile {
            SourceFile(url: url ?? URL(fileURLWithPath: path, isDirectory: false), root: root, displayName: displayName)
        }
    }

    static let articleExtensions: Set<String> = ["txt", "md"]

    /// Walks `inputs`. Found files are sorted by path and unique; the
    /// diagnostics name inputs that do not exist and links not followed.
    static func walk(_ inputs: [URL]) -> (files: [Found], diagnostics: [Diagnostic]) {
        var files: [Found] = []
        var diagnostics: [Diagnostic] = []
        for input in inputs {
            let url = input.standardizedFileURL
            var info = stat()
            guard stat(url.path, &info) == 0 else {
                diagnostics.append(.warning(input.path, "cannot read input: \(String(cString: strerror(errno)))"))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let parent = url.deletingLastPathComponent().path
                var folder = Folder(root: folderURL(url.path), displayPrefix: relative(url.path, to: parent))
                folder.rootRealPath = realPath(url.path) ?? url.path
                folder.walk(url.path, relativePath: "", into: &files, diagnostics: &diagnostics)
            } else {
                let folder = url.deletingLastPathComponent()
                let display = relative(url.path, to: folder.deletingLastPathComponent().path)
                files.append(Found(path: url.path, root: folderURL(folder.path), displayName: display, url: url))
            }
        }
        // A file reached through two inputs (a folder and the file itself)
        // is read once, under the name that sorts first — whatever the order
        // of the inputs.
        // Sorted through the paths' bytes, taken once: comparing the
        // strings themselves costs more than the rest of the walk.
        let paths = files.map { Array($0.path.utf8) }
        let order = files.indices.sorted { a, b in
            let byPath = compareBytes(paths[a], paths[b])
            return byPath != 0 ? byPath < 0 : String.compareUTF8(files[a].displayName, files[b].displayName) < 0
        }
        var unique: [Found] = []
        unique.reserveCapacity(files.count)
        for (position, index) in order.enumerated() where position == 0 || paths[index] != paths[order[position - 1]] {
            unique.append(files[index])
        }
        return (unique, diagnostics)
    }

    private struct Folder {
        var root: URL
        var displayPrefix: String
        var rootRealPath = ""

        func walk(_ path: String, relativePath: String, into files: inout [Found], diagnostics: inout [Diagnostic]) {
            guard let dir = opendir(path) else {
                diagnostics.append(.warning(display(relativePath), "cannot read folder: \(String(cString: strerror(errno)))"))
                return
            }
            defer { closedir(dir) }
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue } // hidden, and "." / ".."
                entries.append((name, entry.pointee.d_type))
            }
            for (name, type) in entries {
                let childPath = path + "/" + name
                let childRelative = relativePath.isEmpty ? name : relativePath + "/" + name
                var kind = type
                if kind == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(childPath, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: kind = UInt8(DT_DIR)
                    case S_IFLNK: kind = UInt8(DT_LNK)
                    case S_IFREG: kind = UInt8(DT_REG)
                    default: continue
                    }
                }
                switch kind {
                case UInt8(DT_DIR):
                    walk(childPath, relativePath: childRelative, into: &files, diagnostics: &diagnostics)
                case UInt8(DT_REG):
                    if isArticleName(name) { files.append(found(childPath, childRelative)) }
                case UInt8(DT_LNK):
                    followLink(childPath, childRelative, name: name, into: &files, diagnostics: &diagnostics)
                default:
                    continue
                }
            }
        }

        private func followLink(_ path: String, _ relativePath: String, name: String,
                                into files: inout [Found], diagnostics: inout [Diagnostic]) {
            var info = stat()
            guard let target = realPath(path), stat(target, &info) == 0 else {
                if isArticleName(name) { diagnostics.append(.warning(display(relativePath), "broken symbolic link; skipped", kind: .fileSkipped)) }
                return
            }
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            guard isFolder || isArticleName(name) else { return }
            guard target == rootRealPath || target.hasPrefix(rootRealPath + "/") else {
                diagnostics.append(.warning(display(relativePath), "symbolic link leads outside the input folder; not followed"))
                return
            }
            // A link to a folder inside the input is walked at its real place.
            guard !isFolder, (info.st_mode & S_IFMT) == S_IFREG else { return }
            // A link to a file that the walk also finds directly would read it twice.
            let targetRelative = String(target.dropFirst(rootRealPath.count + 1))
            if !isHiddenOrNonArticle(targetRelative) { return }
            files.append(found(path, relativePath))
        }

        private func isHiddenOrNonArticle(_ relative: String) -> Bool {
            let parts = relative.split(separator: "/")
            return parts.contains { $0.hasPrefix(".") } || !isArticleName(String(parts.last ?? ""))
        }

        private func found(_ path: String, _ relativePath: String) -> Found {
            Found(path: path, root: root, displayName: display(relativePath))
        }

        private func display(_ relativePath: String) -> String {
            relativePath.isEmpty ? displayPrefix : (displayPrefix.isEmpty ? relativePath : displayPrefix + "/" + relativePath)
        }
    }

    /// Roots end in `/`, so that a relative image path resolves inside them
    /// (`URL(string: "images/a.png", relativeTo: root)`).
    private static func folderURL(_ path: String) -> URL {
        URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// `.txt`/`.md`, except a `README`: it describes its folder (archive
    /// repositories and `Samples/` have one) and is never an article.
    static func isArticleName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        guard name[..<dot].lowercased() != "readme" else { return false }
        return articleExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static func relative(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : (path as NSString).lastPathComponent
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
