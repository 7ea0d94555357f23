/// Emphasis-like spans Markdown can write with delimiter runs.
enum MarkdownEmphasisKind: Equatable {
    case emphasis
    case strong
    /// GFM strikethrough (`~~`).
    case strikethrough

    /// The style written as inline HTML when no delimiter run can express the span.
    var style: InlineStyle {
        switch self {
        case .emphasis: return .emphasis
        case .strong: return .strong
        case .strikethrough: return .strikethrough
        }
    }
}

/// One piece of a paragraph's inline content, before escaping.
///
/// The renderer first turns the tree into pieces, then normalises
/// whitespace, chooses emphasis delimiters knowing their neighbours, and only
/// then escapes text — escaping depends on the characters around it.
enum MarkdownInlinePiece: Equatable {
    /// Literal text, whitespace collapsed; escaped when written.
    case text(String)
    /// A code span's content (unescaped; fenced when written).
    case code(String)
    /// Markdown or HTML written verbatim (autolinks, `<sup>`).
    case syntax(String)
    case hardBreak
    case open(MarkdownEmphasisKind)
    case close(MarkdownEmphasisKind)
    /// `[` of a link or `![` of an image; the text up to `linkClose` is link text.
    case linkOpen(String)
    /// `](destination)`.
    case linkClose(String)

    var isMarker: Bool {
        switch self {
        case .open, .close: return true
        default: return false
        }
    }
}

/// Where inline content stands; it decides which escapes apply.
enum MarkdownInlinePosition {
    /// A paragraph: line-start rules apply, `<br>` is a hard break.
    case paragraph
    /// An ATX heading: one line, a trailing `#` run would be eaten.
    case heading
    /// A GFM table cell: one line, `|` must be escaped everywhere.
    case tableCell
}
