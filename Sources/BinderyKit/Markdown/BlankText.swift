extension StringProtocol {
    /// Nothing but white space: what `trimmingCharacters(in:
    /// .whitespacesAndNewlines).isEmpty` says (Unicode `White_Space`: the
    /// `Z*` categories, U+0009–U+000D and U+0085), without Foundation's
    /// cost of building the trimmed string.
    var isBlank: Bool {
        unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
