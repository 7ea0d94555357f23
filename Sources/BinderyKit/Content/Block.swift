/// One block of an article body: the typed content every renderer writes.
///
/// Made by `ContentConverter` (Markup) from the cleaned HTML; renderers are
/// exhaustive `switch`es over these cases and never see HTML.
public enum Block: Sendable, Hashable {
    case paragraph([Inline])
    /// Inline content that sits directly in a container (a list item, table
    /// cell, quote or definition) rather than in a paragraph of its own: no
    /// paragraph spacing around it where a format tells the two apart.
    case plain([Inline])
    /// Levels 1–6; bodies start at 3 (the pages around them use 1 and 2).
    case heading(level: Int, [Inline])
    case list(ListBlock)
    case definitions([Definition])
    case quote([Block])
    /// Preformatted text, line ends as `\n`, no trailing line end.
    case code(String)
    case figure(Figure)
    case table(Table)
    /// A thematic break.
    case rule
    /// Video, audio or an embedded page, which an e-book cannot play: a
    /// placeholder linking to where it can be watched or heard.
    case embed(Embed)
}

public struct ListBlock: Sendable, Hashable {
    public var ordered: Bool
    /// The first item's number (ordered lists).
    public var start: Int
    /// Each item's blocks.
    public var items: [[Block]]

    public init(ordered: Bool, start: Int = 1, items: [[Block]]) {
        self.ordered = ordered
        self.start = start
        self.items = items
    }
}

/// One part of a description list (HTML `dl`): terms and the descriptions
/// that follow them, in order.
public enum Definition: Sendable, Hashable {
    case term([Inline])
    case description([Block])
}

/// Pictures with the caption and credit that belong to them.
public struct Figure: Sendable, Hashable {
    /// At least one.
    public var pictures: [Picture]
    /// May be empty.
    public var caption: [Inline]

    public init(pictures: [Picture], caption: [Inline] = []) {
        self.pictures = pictures
        self.caption = caption
    }
}

public struct Table: Sendable, Hashable {
    public var caption: [Inline]
    public var head: [TableRow]
    /// Row groups (HTML `tbody`), in order.
    public var bodies: [[TableRow]]
    public var foot: [TableRow]

    public init(caption: [Inline] = [], head: [TableRow] = [], bodies: [[TableRow]], foot: [TableRow] = []) {
        self.caption = caption
        self.head = head
        self.bodies = bodies
        self.foot = foot
    }

    /// Head, body and foot rows in reading order.
    public var rows: [TableRow] { head + bodies.joined() + foot }
}

public typealias TableRow = [TableCell]

public struct TableCell: Sendable, Hashable {
    public var isHeader: Bool
    public var columnSpan: Int
    public var rowSpan: Int
    public var content: [Block]

    public init(isHeader: Bool = false, columnSpan: Int = 1, rowSpan: Int = 1, content: [Block]) {
        self.isHeader = isHeader
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.content = content
    }
}

public struct Embed: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case video, audio
        /// An embedded page (`iframe`) that is not a known video player.
        case page
    }

    public var kind: Kind
    /// Where it can be watched or heard: an absolute `http(s)` URL.
    public var url: String?
    /// What it is called, when the article says.
    public var title: String?

    public init(kind: Kind, url: String?, title: String? = nil) {
        self.kind = kind
        self.url = url
        self.title = title
    }
}

extension Embed {
    /// What stands in its place in running text: `▶ Video: URL`, linked.
    public var placeholderInlines: [Inline] {
        let label: String
        switch kind {
        case .video: label = "Video"
        case .audio: label = "Audio"
        case .page: label = "Embedded content"
        }
        guard let url else { return [.text("▶ \(label)")] }
        return [.text("▶ \(label): "), .link(href: url, [.text(url)])]
    }
}
