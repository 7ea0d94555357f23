/// Guesses a book's language from its text.
public enum LanguageDetector {
    /// How many letters are enough to decide; the rest is not read.
    static let enoughLetters = 200_000

    /// A BCP 47 tag: `zh` when Chinese dominates the samples, else `en`.
    ///
    /// Samples may be titles, plain text or raw HTML: text inside `<…>` is
    /// skipped, so tag names, attributes and image URLs do not count as
    /// English. One Han character carries about as much as an English word
    /// (about five letters), so Chinese wins when its characters are at least
    /// a fifth of the Latin letters — a Chinese article quoting English names
    /// stays Chinese, an English one quoting a Chinese phrase stays English.
    public static func detect(_ samples: [String]) -> String {
        var tally = LanguageTally()
        for sample in samples where !tally.isFull {
            tally.add(sample)
            tally.endSample()
        }
        return tally.language
    }
}

/// `LanguageDetector`'s count, fed piece by piece: Han characters and Latin
/// letters outside `<…>`, up to `enoughLetters`; when a sample has a byte
/// budget, in only that many of its bytes (a character cut by the budget
/// does not count). Pieces of one sample continue each other (a tag may
/// span them).
struct LanguageTally {
    private(set) var han = 0
    private(set) var latin = 0
    private var insideTag = false
    private var bytesLeft: Int

    init(byteBudget: Int = .max) { bytesLeft = byteBudget }

    /// Nothing more fed will be counted.
    var isFull: Bool { bytesLeft <= 0 || han + latin >= LanguageDetector.enoughLetters }

    var language: String { han > 0 && han * 5 >= latin ? "zh" : "en" }

    /// Ends a sample; the next one starts outside any tag, with its own
    /// byte budget.
    mutating func endSample(nextByteBudget: Int = .max) {
        insideTag = false
        bytesLeft = nextByteBudget
    }

    mutating func add(_ text: String) {
        guard !isFull else { return }
        var text = text
        text.withUTF8 { add($0) }
    }

    private mutating func add(_ utf8: UnsafeBufferPointer<UInt8>) {
        let end = min(utf8.count, bytesLeft)
        bytesLeft -= end
        // Counted in locals, stored once: the loop runs for every letter of
        // every page's sample.
        var han = self.han, latin = self.latin, insideTag = self.insideTag
        defer { (self.han, self.latin, self.insideTag) = (han, latin, insideTag) }
        var i = 0
        while i < end {
            let lead = utf8[i]
            let value: UInt32
            if lead < 0x80 {
                value = UInt32(lead)
                i += 1
            } else if lead & 0xF0 == 0xE0 {
                // Three bytes: all of Chinese text.
                guard i + 3 <= end else { return }
                value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            } else {
                let length = lead < 0xE0 ? 2 : 4
                // Strings hold valid UTF-8: only the budget can cut a character.
                guard i + length <= end else { return }
                var decoded = UInt32(lead) & (0xFF >> (length + 1))
                for k in 1..<length { decoded = decoded << 6 | UInt32(utf8[i + k] & 0x3F) }
                value = decoded
                i += length
            }
            if insideTag {
                if value == 0x3E { insideTag = false }
                continue
            }
            if value == 0x3C {
                insideTag = true
                continue
            }
            if (value | 0x20) &- 0x61 < 26 || (0xC0...0x24F).contains(value) {
                latin += 1
            } else if value >= 0x3400 && HeaderText.isHan(value) {
                han += 1
            } else {
                continue
            }
            if han + latin >= LanguageDetector.enoughLetters { return }
        }
    }
}
