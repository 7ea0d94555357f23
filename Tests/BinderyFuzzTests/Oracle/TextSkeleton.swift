import Foundation

/// Text reduced to what no output format may change: its characters without
/// white space, the invisible characters the writers drop, and — for
/// Markdown and plain text — `>`, which both write as the quote margin at
/// the start of any line (a wrapped line inside a quote), so it cannot be
/// told from text there.
///
/// Comparing skeletons lets wrapping, indentation, collapsed white space
/// and quote margins differ while every visible character must still be
/// there, in the order it was written within its run.
struct TextSkeleton: Hashable {
    enum Flavor {
        case xhtml
        /// Markdown and plain text: `>` is not compared.
        case lineOriented
    }

    /// UTF-8.
    let bytes: [UInt8]

    init(_ text: String, _ flavor: Flavor) {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where !Self.isIgnored(scalar, flavor) {
            let value = scalar.value
            switch value {
            case 0..<0x80:
                out.append(UInt8(value))
            case 0x80..<0x800:
                out.append(UInt8(0xC0 | value >> 6))
                out.append(UInt8(0x80 | value & 0x3F))
            case 0x800..<0x10000:
                out.append(UInt8(0xE0 | value >> 12))
                out.append(UInt8(0x80 | value >> 6 & 0x3F))
                out.append(UInt8(0x80 | value & 0x3F))
            default:
                out.append(UInt8(0xF0 | value >> 18))
                out.append(UInt8(0x80 | value >> 12 & 0x3F))
                out.append(UInt8(0x80 | value >> 6 & 0x3F))
                out.append(UInt8(0x80 | value & 0x3F))
            }
        }
        bytes = out
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// Unicode `White_Space` (spelled out: the property lookup is slow in a
    /// fuzzing loop); the zero-width characters one-line text (titles,
    /// captions) drops; controls and the two non-characters XML forbids,
    /// which no output keeps.
    static func isIgnored(_ scalar: Unicode.Scalar, _ flavor: Flavor) -> Bool {
        switch scalar.value {
        case 0x00...0x20, 0x7F...0xA0, 0x1680, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF,
             0xFFFE, 0xFFFF:
            return true
        case 0x3E: // ">"
            return flavor == .lineOriented
        default:
            return false
        }
    }

    /// How often `needle` occurs in `self` without overlapping, counting no
    /// further than `limit`.
    func occurrences(of needle: TextSkeleton, upTo limit: Int) -> Int {
        guard !needle.isEmpty, needle.bytes.count <= bytes.count else { return 0 }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.bytes.withUnsafeBufferPointer { pattern in
                let base = haystack.baseAddress!
                var found = 0
                var start = 0
                let last = haystack.count - pattern.count
                while found < limit, start <= last,
                      let hit = memchr(base + start, Int32(pattern[0]), last - start + 1) {
                    let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 {
                        found += 1
                        start = offset + pattern.count
                    } else {
                        start = offset + 1
                    }
                }
                return found
            }
        }
    }
}

/// The runs of an input's visible text, each with how often it occurs,
/// ready to be looked for in one output after another.
struct TextRuns {
    private var needed: [(skeleton: TextSkeleton, run: String, count: Int)] = []

    init(_ runs: [String], _ flavor: TextSkeleton.Flavor) {
        var index: [TextSkeleton: Int] = [:]
        for run in runs {
            let skeleton = TextSkeleton(run, flavor)
            guard !skeleton.isEmpty else { continue }
            if let at = index[skeleton] {
                needed[at].count += 1
            } else {
                index[skeleton] = needed.count
                needed.append((skeleton, run, 1))
            }
        }
        self.flavor = flavor
    }

    let flavor: TextSkeleton.Flavor

    /// The first run `output` does not hold as often as the input does, or
    /// `nil` when it holds them all.
    func firstMissing(in output: String) -> String? {
        let haystack = TextSkeleton(output, flavor)
        for (skeleton, run, count) in needed where haystack.occurrences(of: skeleton, upTo: count) < count {
            return run
        }
        return nil
    }
}
