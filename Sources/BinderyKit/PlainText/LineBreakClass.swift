/// The few line-breaking classes the wrapper needs (a small subset of
/// UAX #14 plus the Chinese/Japanese rules of kinsoku shori).
enum LineBreakClass {
    /// Ideographs, kana, Hangul, wide emoji: a line may break before or
    /// after them.
    case ideographic
    /// Closing punctuation: never at the start of a line (`，。）」%`).
    case closing
    /// Opening punctuation: never at the end of a line (`（「“`).
    case opening
    /// Letters, digits, other symbols: words of these are never split.
    case other

    init(_ scalar: Unicode.Scalar) {
        // Fast paths: letters and digits, and ideographs (no punctuation there).
        let v = scalar.value
        if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) {
            self = .other
            return
        }
        if (0x3400...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) {
            self = .ideographic
            return
        }
        if Self.closingSet.contains(scalar) {
            self = .closing
        } else if Self.openingSet.contains(scalar) {
            self = .opening
        } else if DisplayWidth.isWide(scalar) {
            self = .ideographic
        } else {
            self = .other
        }
    }

    /// Closing and middle punctuation, CJK and ASCII (a comma after a CJK
    /// word must not start a line either), small kana and the prolonged
    /// sound mark (Japanese line-start prohibitions, JIS X 4051).
    static let closingSet: Set<Unicode.Scalar> = Set((
        "，。、！？；：）」』》】〉〕〗〙〛｝］”’…‥—–～·・ー々ゝゞヽヾ"
            + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
            + "％‰℃°′″｡､｣｠！？：；，．"
            + ",.;:!?)]}%"
    ).unicodeScalars)

    /// Opening punctuation, CJK and ASCII, and currency signs that lead a number.
    static let openingSet: Set<Unicode.Scalar> = Set((
        "（「『《【〈〔〖〘〚｛［“‘｟｢＄￥￡"
            + "([{"
    ).unicodeScalars)

    /// Whether a line may break between `before` and `after` when no space
    /// separates them.
    static func allowsBreak(between before: LineBreakClass, and after: LineBreakClass) -> Bool {
        if before == .opening || after == .closing { return false }
        return before == .ideographic || after == .ideographic
    }
}
