extension Unicode.Scalar {
    /// In Foundation's `.whitespacesAndNewlines`: Unicode `White_Space`
    /// (the `Z*` categories, U+0009–U+000D, U+0085) and, on Linux, U+200B
    /// ZERO WIDTH SPACE (a space separator in old Unicode versions).
    var isFoundationWhitespace: Bool {
        properties.isWhitespace || value == 0x200B
    }
}

extension StringProtocol {
    /// Nothing but white space: what `trimmingCharacters(in:
    /// .whitespacesAndNewlines).isEmpty` says, without Foundation's cost of
    /// building the trimmed string.
    var isBlank: Bool {
        unicodeScalars.allSatisfy(\.isFoundationWhitespace)
    }
}
