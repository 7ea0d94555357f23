import Foundation

/// "Did you mean …": the known names closest to what was typed, for usage
/// errors that should say what to do next.
enum Suggestions {
    /// Up to `limit` of `candidates` near `typed`: those that end with it
    /// (`Shanghai` → `Asia/Shanghai`), then those a few edits away,
    /// closest first; ignoring case.
    static func closest(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let wanted = typed.lowercased()
        let endings = candidates.filter { $0.lowercased().hasSuffix("/" + wanted) || $0.lowercased() == wanted }
        let allowed = max(2, wanted.count / 3)
        var scored: [(name: String, distance: Int)] = []
        for name in candidates {
            let d = distance(wanted, name.lowercased())
            if d <= allowed { scored.append((name, d)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        // Only the nearest few: a name two edits further away is noise.
        let best = scored.first?.distance ?? 0
        let near = scored.filter { $0.distance <= best + 1 }.map(\.name)
        var result: [String] = []
        for name in endings + near where !result.contains(name) { result.append(name) }
        return Array(result.prefix(limit))
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
