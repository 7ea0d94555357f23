/// An article's body HTML as valid UTF-8 bytes: what `ArchiveReader` reads
/// and the cleaner parses.
///
/// Bytes, not a `String`: the parser reads bytes, and making a `String`
/// checked every byte of every body once more (Swift validates as it
/// copies). Valid by construction: invalid sequences are repaired as
/// `String(decoding:as:)` repairs them, which libxml2 would not do (it reads
/// the rest of a document with a bad byte as Latin-1).
public struct ArticleBody: Sendable, Equatable {
    public let utf8: [UInt8]

    /// `bytes`, unchanged when they are valid UTF-8; else each invalid
    /// sequence replaced with U+FFFD (Unicode's "maximal subpart" practice).
    init(repairing bytes: ArraySlice<UInt8>) {
        if TextBytes.damage(of: bytes, countingCutEnd: true).invalidBytes == 0 {
            utf8 = Array(bytes)
        } else {
            utf8 = Array(TextBytes.string(bytes).utf8)
        }
    }

    /// The body as text.
    public var text: String { String(decoding: utf8, as: UTF8.self) }
}
