import Foundation

/// File names that are safe on Linux, macOS and Windows and keep notes
/// linkable in Obsidian-style vaults.
enum NoteFileName {
    /// Bound on a whole file name, in UTF-8 bytes (most file systems allow
    /// 255; cloud sync and Windows paths are happier with less).
    static let maximumBytes = 120
    /// Room kept for ` (9999)` and the extension.
    private static let suffixReserve = 7

    /// Windows reserves these device names with any extension.
    private static let reserved: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL"]
        for n in 1...9 {
            names.insert("COM\(n)")
            names.insert("LPT\(n)")
        }
        return names
    }()

    /// A safe stem (without extension) from free text: forbidden characters
    /// (`/ \ : * ? " < > |`, controls, and `# ^ [ ]` which break vault
    /// links) become spaces, whitespace collapses, no leading dot, no
    /// trailing dot or space, not a reserved device name, bounded length.
    static func stem(_ text: String, fallback: String = "Untitled") -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                if !lastWasSpace { bytes.append(0x20) }
                lastWasSpace = true
            } else {
                bytes.appendUTF8(scalar)
                lastWasSpace = false
            }
        }
        var name = String(decoding: bytes, as: UTF8.self)
        name = trimEdges(name)
        name = truncate(name, toBytes: maximumBytes - suffixReserve - 3)
        name = trimEdges(name)
        if name.isEmpty { name = fallback }
        if reserved.contains(deviceName(name)) { name = "_" + name }
        return name
    }

    /// Characters that become spaces: see `stem`.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            // The only ASCII space separator is U+0020; no ASCII line or paragraph separators.
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "#", "^", "[", "]": return true
            default: return scalar.value <= 0x20 || scalar.value == 0x7F
            }
        }
        if (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF || scalar.value == 0x200B { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// What Windows reads as the device name in `con.txt` or `Con .md`: the
    /// part before the first dot, without surrounding white space
    /// (Foundation's `.whitespaces`: tab, the Zs category and, on Linux,
    /// U+200B), upper-cased.
    private static func deviceName(_ name: String) -> String {
        guard let part = name.split(separator: ".", maxSplits: 1).first else { return "" }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = part.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last]).uppercased()
    }

    /// Drops leading dots/spaces (hidden files) and trailing dots/spaces
    /// (Windows strips them).
    private static func trimEdges(_ name: String) -> String {
        var s = Substring(name)
        while let first = s.first, first == "." || first == " " { s = s.dropFirst() }
        while let last = s.last, last == "." || last == " " { s = s.dropLast() }
        return String(s)
    }

    /// The longest prefix of whole characters within `bytes` UTF-8 bytes.
    static func truncate(_ name: String, toBytes bytes: Int) -> String {
        guard name.utf8.count > bytes else { return name }
        var result = ""
        var count = 0
        for character in name {
            let size = character.utf8.count
            if count + size > bytes { break }
            result.append(character)
            count += size
        }
        return result
    }
}

/// Hands out distinct file names in book order: the first note keeps its
/// name, later ones with the same name get ` (2)`, ` (3)`, … Names are
/// compared as case-insensitive file systems (macOS, Windows) compare them.
struct NoteFileNamer {
    private var used = Set<String>()

    /// - Parameter key: `key(stem + "." + ext)` when the caller has it already.
    mutating func claim(stem: String, extension ext: String, key: String? = nil) -> String {
        var candidate = stem + "." + ext
        var n = 2
        if used.insert(key ?? Self.key(candidate)).inserted { return candidate }
        while true {
            candidate = "\(stem) (\(n)).\(ext)"
            n += 1
            if used.insert(Self.key(candidate)).inserted { return candidate }
        }
    }

    /// How case-insensitive file systems see a name. (Swift compares and
    /// hashes strings by canonical equivalence, so `é` precomposed and
    /// decomposed are one key already, as they are one name on macOS.)
    static func key(_ name: String) -> String {
        name.lowercased()
    }
}
