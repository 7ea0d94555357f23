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
        var han = 0, latin = 0
        var insideTag = false
        outer: for sample in samples {
            for scalar in sample.unicodeScalars {
                let v = scalar.value
                if insideTag {
                    if v == 0x3E { insideTag = false }
                    continue
                }
                if v == 0x3C {
                    insideTag = true
                } else if HeaderText.isHan(v) {
                    han += 1
                } else if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) {
                    latin += 1
                }
                if han + latin >= enoughLetters { break outer }
            }
            insideTag = false
        }
        return han > 0 && han * 5 >= latin ? "zh" : "en"
    }
}
