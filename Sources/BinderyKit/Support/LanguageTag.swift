/// BCP 47 language tags (RFC 5646), as books, pages and `lang` attributes
/// carry them.
public enum LanguageTag {
    /// A pragmatic check of RFC 5646's shape (§2.1): a primary language of
    /// 2–3 letters, then subtags of 1–8 letters or digits (`zh`, `zh-Hant`,
    /// `en-GB`, `de-CH-1996`, `en-x-private`). Odd values are refused rather
    /// than risking an invalid `dc:language` or `lang`.
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
