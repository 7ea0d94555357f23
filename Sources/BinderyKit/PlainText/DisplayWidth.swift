/// How many terminal columns text takes (after UAX #11 East Asian Width):
/// Wide and Fullwidth characters take two, combining marks and invisible
/// format characters none, everything else one.
///
/// A compact table of the ranges news text meets, not all of UAX #11:
/// ambiguous-width characters count one, as in most Western terminals.
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        of(s.unicodeScalars)
    }

    public static func of(_ s: Substring) -> Int {
        of(s.unicodeScalars)
    }

    static func of<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        var width = 0
        var afterJoiner = false
        for scalar in scalars {
            // In an emoji ZWJ sequence (👩‍💻) the joined parts draw as one.
            if afterJoiner {
                afterJoiner = false
                if isWide(scalar) { continue }
            }
            if scalar.value == 0x200D { afterJoiner = true }
            width += self.width(of: scalar)
        }
        return width
    }

    /// Width of one scalar on its own.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 {
            // ASCII and Latin-1: controls and the soft hyphen draw nothing.
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xAD { return 0 }
            return 1
        }
        // Ideographic tone marks and kana voicing marks combine, inside wide blocks.
        // Emoji skin-tone modifiers merge with their base.
        if (0x302A...0x302D).contains(v) || (0x3099...0x309A).contains(v) || (0x1F3FB...0x1F3FF).contains(v) { return 0 }
        if isWide(scalar) { return 2 }
        return isZeroWidth(scalar) ? 0 : 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Fast paths for the bulk of news text: Latin-1, ideographs, Hangul.
        if v < 0x300 { return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xAD }
        if (0x3400...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) { return false }
        switch v {
        case 0x302A...0x302D, 0x3099...0x309A:
            return true
        case 0x300...0x36F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF,
             0x1160...0x11FF, // Hangul medial and final jamo join the leading one
             0x1F3FB...0x1F3FF, // emoji skin-tone modifiers merge with their base
             0xE0000...0xE0FFF:
            return true
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide or Fullwidth, or an emoji drawn as an emoji by default.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x1100...0x115F, // Hangul leading jamo
             0x2E80...0x303E, // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
             0x3041...0x33FF, // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, Kanbun, enclosed CJK
             0x3400...0x4DBF, // CJK Extension A
             0x4E00...0x9FFF, // CJK Unified Ideographs
             0xA000...0xA4CF, // Yi
             0xA960...0xA97F, // Hangul jamo extended A
             0xAC00...0xD7A3, // Hangul syllables
             0xF900...0xFAFF, // CJK compatibility ideographs
             0xFE10...0xFE19, // vertical forms
             0xFE30...0xFE6F, // CJK compatibility forms, small form variants
             0xFF00...0xFF60, // fullwidth forms
             0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, // Tangut, Khitan
             0x1AFF0...0x1B2FF, // Kana supplement and extensions, Nüshu
             0x20000...0x2FFFD, // CJK Extensions B–F, compatibility supplement
             0x30000...0x3FFFD: // CJK Extensions G–H
            return true
        case 0x231A...0x2BFF, 0x1F000...0x1FAFF:
            // Symbols and pictographs: wide when emoji presentation is the default.
            return scalar.properties.isEmojiPresentation
        default:
            return false
        }
    }
}
