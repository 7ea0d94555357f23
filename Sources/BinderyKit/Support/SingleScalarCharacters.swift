extension String {
    /// Every Character of the text is one Unicode scalar, as in most news
    /// text (ASCII but CR, Latin, CJK ideographs, kana, Hangul syllables and
    /// their punctuation): no scalar in it can join a grapheme cluster with
    /// a neighbour (UAX #29: each is Grapheme_Cluster_Break Other, Control or
    /// LF). Counting and cutting by scalars then gives what counting and
    /// cutting by Characters gives, for a fraction of the cost: grapheme
    /// breaking looks up properties for every scalar past U+02FF.
    var hasOneScalarPerCharacter: Bool {
        unicodeScalars.allSatisfy(Self.standsAlone)
    }

    /// The first `count` Characters are the first `count` scalars: those
    /// scalars stand alone, and so does the one after them, which could
    /// otherwise join the last. Only the start of a long text is read.
    func startsWithOneScalarPerCharacter(_ count: Int) -> Bool {
        // A loop, not `prefix(_:)`: the prefix walks the scalars once more.
        var left = count + 1
        for scalar in unicodeScalars {
            if left == 0 { return true }
            guard Self.standsAlone(scalar) else { return false }
            left -= 1
        }
        return true
    }

    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x0D, 0x0E..<0x300,          // ASCII but CR (CR LF is one Character), Latin
             0x2010...0x2027,                 // dashes, quotes, ellipsis (not the joiners before them)
             0x3000...0x3029,                 // CJK punctuation (not the tone marks after them)
             0x3041...0x3096, 0x30A1...0x30FF, // kana (not the voicing marks between them)
             0x3400...0x4DBF, 0x4E00...0x9FFF, // CJK ideographs
             0xAC00...0xD7A3,                 // Hangul syllables (not the jamo that join them)
             0xFF01...0xFF5E:                 // full-width forms (not the half-width voicing marks)
            return true
        default:
            return false
        }
    }
}
