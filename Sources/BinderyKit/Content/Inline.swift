/// Running text inside a block: what a paragraph, heading, caption or table
/// cell holds.
///
/// Text is decoded (no entities) and keeps its source whitespace; renderers
/// collapse it as HTML renders it. Every renderer is an exhaustive `switch`
/// over these cases, so what it cannot show cannot be represented.
///
/// Only `.picture` is boxed (`indirect`): its payload is large, and every
/// other case is small or holds its children in an array already — an
/// allocation per text run would be the model's main cost.
public enum Inline: Sendable, Hashable {
    case text(String)
    /// Text set apart by a typographic style (see `InlineStyle`).
    case styled(InlineStyle, [Inline])
    /// Code, keyboard input or program output: its text alone (markup
    /// inside a code span has no meaning a renderer could keep).
    case code(String)
    /// A link to an absolute `http(s)`/`mailto` URL, or to a `#fragment`
    /// whose `anchor` exists in the same article.
    case link(href: String, [Inline])
    indirect case picture(Picture)
    /// A forced line break inside a block (`<br>`).
    case lineBreak
    /// Text in another language or direction than its surroundings.
    case language(LanguageSpan)
    /// Ruby annotation (HTML §4.5.10): `base` with its reading above or
    /// beside it (pinyin, furigana).
    case ruby(base: [Inline], annotation: String)
    /// The target of `#fragment` links: a valid, unique XML `ID`.
    case anchor(id: String)
}

/// The typographic styles the content model keeps. Each maps to one HTML
/// element when written as XHTML; Markdown and plain text keep what they can.
public enum InlineStyle: Sendable, Hashable, CaseIterable {
    /// `em`, `i`, `cite`, `var`, `dfn`.
    case emphasis
    /// `strong`, `b`.
    case strong
    /// `del`, `s`, `strike`.
    case strikethrough
    /// `u`, `ins`.
    case underline
    case superscripted
    case subscripted
    /// `small`: side comments, fine print.
    case small
    /// `mark`.
    case highlight
    /// `q`: an inline quotation, shown with quotation marks.
    case quotation
}

/// Text in another language (`lang`) and/or direction (`dir`).
public struct LanguageSpan: Sendable, Hashable {
    /// A BCP 47 tag, or `nil` when only the direction changes.
    public var language: String?
    public var direction: TextDirection?
    public var content: [Inline]

    public init(language: String?, direction: TextDirection?, content: [Inline]) {
        self.language = language
        self.direction = direction
        self.content = content
    }
}

public enum TextDirection: String, Sendable, Hashable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
    case auto
}
