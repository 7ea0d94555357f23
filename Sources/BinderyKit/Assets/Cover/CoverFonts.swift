import CLibVips
import Foundation

/// The typefaces of the generated cover, found through fontconfig.
///
/// Noto Serif CJK and Noto Sans CJK (Debian `fonts-noto-cjk`) cover Chinese,
/// Japanese, Korean and Latin in one design. Without them the cover is drawn
/// with whatever serif and sans-serif fontconfig offers, and says so (Pango
/// still takes missing characters from any installed font that has them).
struct CoverFonts: Sendable {
    var serif: String
    var sans: String
    var warnings: [String]

    static let preferredSerif = "Noto Serif CJK SC"
    static let preferredSans = "Noto Sans CJK SC"

    /// Looked up once per process: fonts do not come and go during an export.
    static let installed: CoverFonts = {
        var warnings: [String] = []
        func pick(_ wanted: String, fallback: String) -> String {
            if let found = match(wanted), found.caseInsensitiveCompare(wanted) == .orderedSame { return found }
            let other = match(fallback) ?? fallback
            warnings.append("cover: font \(wanted) is not installed (Debian: fonts-noto-cjk); drawn with \(other) instead")
            return other
        }
        let serif = pick(preferredSerif, fallback: "serif")
        let sans = pick(preferredSans, fallback: "sans-serif")
        return CoverFonts(serif: serif, sans: sans, warnings: warnings)
    }()

    /// The family fontconfig chooses for `pattern`.
    static func match(_ pattern: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard bindery_font_match(pattern, &buffer, buffer.count) == 1 else { return nil }
        return String(cString: buffer)
    }
}
