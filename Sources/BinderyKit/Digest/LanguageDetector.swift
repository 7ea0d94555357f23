/// Guesses a book's language from its text. (Skeleton.)
public enum LanguageDetector {
    /// A BCP 47 tag: `zh` when CJK ideographs dominate the sample, else `en`.
    public static func detect(_ samples: [String]) -> String {
        var han = 0, latin = 0
        for s in samples {
            for u in s.unicodeScalars {
                if (0x4E00...0x9FFF).contains(u.value) { han += 1 } else if u.properties.isAlphabetic { latin += 1 }
            }
        }
        return han * 3 >= latin && han > 0 ? "zh" : "en"
    }
}
