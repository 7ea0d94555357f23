import Foundation

/// Draws a book cover with libvips and Pango: 1600 × 2560 pixels (1 : 1.6,
/// what the Kindle and Kobo stores use), a dark band with the digest's name
/// and period, an optional lead picture across the full width, the top
/// headlines on a paper-coloured ground, and a closing line of sources.
/// Library views show covers as thumbnails, so the name is as large as the
/// width allows and the period stands out in a second colour.
///
/// Deterministic: the same text, picture and fonts give the same bytes.
public enum CoverArtist {
    public static let size = PictureBox(width: 1600, height: 2560)

    /// Throws when libvips cannot draw (no usable font at all, a broken picture is simply left out).
    /// JPEG quality of a cover: flat colour and text show artefacts early.
    public static let quality = 88

    public static func draw(_ text: CoverText, grayscale: Bool = false, quality: Int = CoverArtist.quality) throws -> Cover {
        let fonts = CoverFonts.installed
        var page = try CoverPage(fonts: fonts, language: text.language)
        try page.drawBand(kicker: text.kicker, title: text.title, period: text.period)
        try page.drawFooter(text.footer)
        var warnings = fonts.warnings
        if let picture = text.picture {
            do {
                try page.drawPicture(picture, leavingRoomFor: text.headlines.isEmpty ? 0 : CoverPage.headlinesRoom)
            } catch {
                warnings.append("cover: lead picture left out (\(error))")
            }
        }
        try page.drawHeadlines(label: text.headlinesLabel, text.headlines)
        return Cover(jpeg: try page.encoded(grayscale: grayscale, quality: quality), warnings: warnings)
    }
}

/// The cover being drawn, top to bottom, with a cursor.
private struct CoverPage {
    static let width = CoverArtist.size.width
    static let height = CoverArtist.size.height
    static let margin = 128
    static var measure: Int { width - 2 * margin }

    // An ink-blue band, warm paper, amber and brick accents: legible in
    // colour and, as tones, on e-ink.
    static let band: [UInt8] = [0x1B, 0x2A, 0x3C]
    static let paper: [UInt8] = [0xF5, 0xF1, 0xE8]
    static let onBand: [UInt8] = [0xFF, 0xFF, 0xFF]
    static let period: [UInt8] = [0xE8, 0xB6, 0x4C]
    static let kicker: [UInt8] = [0xA9, 0xBC, 0xD0]
    static let label: [UInt8] = [0xA3, 0x3B, 0x2B]
    static let ink: [UInt8] = [0x1F, 0x1F, 0x1F]
    static let rule: [UInt8] = [0xD6, 0xCE, 0xBE]
    static let quiet: [UInt8] = [0x5E, 0x5A, 0x52]

    let fonts: CoverFonts
    /// Wraps each text's markup: the language, and for other than Chinese,
    /// Japanese and Korean, proportional punctuation (a CJK font draws
    /// ’ and “ full width otherwise).
    let span: String
    let canvas: VipsPicture
    /// Where the next block starts.
    var y = 0
    /// Where the footer starts (headlines must end above it).
    var footerTop = CoverPage.height

    init(fonts: CoverFonts, language: String) throws {
        self.fonts = fonts
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        let cjk = ["zh", "ja", "ko"].contains(primary)
        span = "<span lang=\"\(CoverPageText.escaped(language))\"\(cjk ? "" : " font_features=\"pwid\"")>"
        canvas = try VipsPicture.canvas(width: Self.width, height: Self.height, colour: Self.paper)
    }

    /// Kicker, name (shrunk until it takes at most four lines) and period on the dark band.
    mutating func drawBand(kicker: String?, title: String, period: String?) throws {
        var blocks: [(VipsPicture, [UInt8], gap: Int)] = []
        if let kicker, !kicker.isEmpty {
            blocks.append((try text(CoverPageText.spaced(kicker.uppercased()), fonts.sans, "Bold", 40), Self.kicker, 44))
        }
        let name = CoverPageText.escaped(CoverPageText.keepingShortWordsWhole(title))
        var titleMask = try text(name, fonts.serif, "Bold", 132, spacing: 10)
        for size in [116, 100, 88] where titleMask.height > 4 * 170 {
            titleMask = try text(name, fonts.serif, "Bold", size, spacing: 8)
        }
        blocks.append((titleMask, Self.onBand, 56))
        if let period, !period.isEmpty {
            blocks.append((try text(CoverPageText.escaped(period), fonts.sans, "Regular", 64), Self.period, 0))
        }
        let top = 200, bottom = 150
        let contentHeight = blocks.reduce(0) { $0 + $1.0.height + $1.gap }
        let bandHeight = max(900, top + contentHeight + bottom)
        try canvas.drawRectangle(Self.band, x: 0, y: 0, width: Self.width, height: bandHeight)
        // Content sits at the band's foot, above an amber hairline, as a masthead does.
        y = bandHeight - bottom - contentHeight
        for (mask, colour, gap) in blocks {
            try canvas.drawMask(mask, colour: colour, x: Self.margin, y: y)
            y += mask.height + gap
        }
        try canvas.drawRectangle(Self.period, x: 0, y: bandHeight - 12, width: Self.width, height: 12)
        y = bandHeight
    }

    /// Space kept below a picture for the label and about three headlines.
    static let headlinesRoom = 640

    /// The picture across the full width, cropped to its most interesting
    /// part: 880 pixels high, less when the headlines need the room (none
    /// when under 400 would be left).
    mutating func drawPicture(_ data: Data, leavingRoomFor room: Int) throws {
        let height = min(880, footerTop - y - room)
        guard height >= 400 else { return }
        let picture = try data.withUnsafeBytes { bytes -> VipsPicture in
            var image = try VipsPicture.fit(bytes, width: 4 * Self.width, height: 4 * height).inMemory()
            if image.hasAlpha { image = try image.flattenedOnWhite() }
            image = try image.colourspace(.srgb).castToUInt8()
            return try image.filling(width: Self.width, height: height).inMemory()
        }
        try canvas.drawImage(picture, x: 0, y: y)
        y += height
    }

    /// The closing line at the foot of the page, above a hairline.
    mutating func drawFooter(_ footer: String?) throws {
        guard let footer, !footer.isEmpty else { return }
        let mask = try text(CoverPageText.escaped(footer), fonts.sans, "Regular", 38, spacing: 6)
        let top = Self.height - 150 - mask.height
        try canvas.drawRectangle(Self.rule, x: Self.margin, y: top - 44, width: Self.measure, height: 3)
        try canvas.drawMask(mask, colour: Self.quiet, x: Self.margin, y: top)
        footerTop = top - 44
    }

    /// The label, then as many headlines as fit (each at most three lines,
    /// the first larger and bold), separated by hairlines. Nothing, not even
    /// the label, when not one headline fits.
    mutating func drawHeadlines(label: String, _ headlines: [String]) throws {
        guard !headlines.isEmpty else { return }
        let labelMask = try text(CoverPageText.spaced(label.uppercased()), fonts.sans, "Bold", 40)
        var masks: [VipsPicture] = []
        var bottom = y + 110 + labelMask.height + 44
        for (index, headline) in headlines.enumerated() {
            let mask = index == 0
                ? try text(CoverPageText.escaped(CoverPageText.shortened(headline)), fonts.serif, "Bold", 62, spacing: 14)
                : try text(CoverPageText.escaped(CoverPageText.shortened(headline)), fonts.serif, "Regular", 54, spacing: 12)
            let ruleSpace = index == 0 ? 0 : 72
            guard bottom + ruleSpace + mask.height + 50 <= footerTop else { break }
            bottom += ruleSpace + mask.height
            masks.append(mask)
        }
        guard !masks.isEmpty else { return }
        y += 110
        try canvas.drawMask(labelMask, colour: Self.label, x: Self.margin, y: y)
        y += labelMask.height + 44
        for (index, mask) in masks.enumerated() {
            if index > 0 {
                try canvas.drawRectangle(Self.rule, x: Self.margin, y: y + 34, width: Self.measure, height: 2)
                y += 72
            }
            try canvas.drawMask(mask, colour: Self.ink, x: Self.margin, y: y)
            y += mask.height
        }
    }

    func encoded(grayscale: Bool, quality: Int) throws -> Data {
        let image = grayscale ? try canvas.colourspace(.grey) : canvas
        return try image.encoded(".jpg[Q=\(quality),optimize_coding,strip]")
    }

    // MARK: - Text

    private func text(_ markup: String, _ family: String, _ style: String, _ size: Int, spacing: Int = 0) throws -> VipsPicture {
        try VipsPicture.text(span + markup + "</span>", font: "\(family) \(style) \(size)", width: Self.measure, spacing: spacing)
    }
}

/// Text for the cover: Pango markup, shortened headlines, unbroken short words.
enum CoverPageText {
    /// A headline of at most about three lines (60 columns of CJK or 150 of
    /// Latin at this size), without emoji (no colour font draws them here).
    static func shortened(_ headline: String) -> String {
        let limit = 150
        let headline = withoutEmoji(headline)
        guard DisplayWidth.of(headline) > limit else { return headline }
        var kept = ""
        var width = 0
        for character in headline {
            let w = DisplayWidth.of(String(character))
            guard width + w <= limit - 2 else { break }
            kept.append(character)
            width += w
        }
        return kept.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// `text` without pictographs, their variation selectors and joiners.
    static func withoutEmoji(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { scalar in
            !(scalar.properties.isEmojiPresentation || scalar.value == 0xFE0F || scalar.value == 0x200D
              || (0x1F000...0x1FAFF).contains(scalar.value))
        }
        return String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
    }

    /// Runs of up to four CJK ideographs glued with WORD JOINER (U+2060), so
    /// that a name such as 新闻摘要 is not broken across lines; longer runs
    /// still break anywhere, as Chinese text does.
    static func keepingShortWordsWhole(_ title: String) -> String {
        var out = ""
        var run: [Character] = []
        func flush() {
            out += run.count <= 4 ? run.map(String.init).joined(separator: "\u{2060}") : String(run)
            run = []
        }
        for character in title {
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) {
                run.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    /// Pango markup for plain text (only `&`, `<`, `>` and quotes mean something).
    static func escaped(_ plain: String) -> String {
        var out = ""
        for character in plain {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Small capitals look better letter-spaced (Pango units: 1/1024 point).
    static func spaced(_ plain: String) -> String {
        "<span letter_spacing=\"4096\">\(escaped(plain))</span>"
    }
}
