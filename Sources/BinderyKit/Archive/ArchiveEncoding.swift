/// Article files that are not UTF-8, read rather than skipped: a UTF-16
/// file (what Windows editors save as "Unicode", with a byte-order mark), or
/// text in a legacy encoding that the bytes themselves show (GB18030,
/// Big5-HKSCS, Windows-1252; `CharacterDecoding` tells which).
///
/// The scan decides from a file's head and records the encoding on the
/// article (`Article.textEncoding`); the body is then read in that same
/// encoding. UTF-8 files, nearly all, pay only the damage check the scan
/// makes anyway.
enum ArchiveEncoding {
    /// The head as UTF-8 and the encoding it was read in; `nil` when it is
    /// UTF-8 or no encoding reads it cleanly. `sniffed` is the start of the
    /// head that was checked, with `invalidUTF8` bytes not valid in UTF-8;
    /// `tooDamagedForUTF8`: so many that it would be skipped as UTF-8.
    static func recognized(_ head: [UInt8], sniffed: ArraySlice<UInt8>, invalidUTF8: Int,
                           tooDamagedForUTF8: Bool) -> (bytes: [UInt8], encoding: String)? {
        if let (encoding, _) = CharacterDecoding.byteOrderMark(head), encoding != "UTF-8" {
            return utf8(head, from: encoding).map { ($0, encoding) }
        }
        guard invalidUTF8 > 0 else { return nil }
        // UTF-8 with a few damaged bytes stays UTF-8, repaired: read in a
        // legacy encoding, its every character would come out wrong, and a
        // lone high byte (`Caf\xE9`) is no evidence of any encoding. So only
        // a head that is clearly not UTF-8 is tried: invalid bytes above the
        // share at which it would be skipped, or half of many non-ASCII bytes.
        let highBytes = sniffed.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        guard tooDamagedForUTF8 || (highBytes >= 32 && invalidUTF8 * 2 >= highBytes) else { return nil }
        // A few bytes may be invalid in the right encoding too: the head is
        // cut at a fixed length, and legacy text has odd characters.
        let allowed = 2 + highBytes / 200
        for encoding in CharacterDecoding.sniffedEncodings(Array(sniffed)) {
            guard let decoded = CharacterDecoding.transcode(head, from: encoding), decoded.replacements <= allowed else { continue }
            return (Array(decoded.text.utf8), encoding)
        }
        return nil
    }

    /// `bytes` in `encoding` (a byte-order mark dropped) as UTF-8, each
    /// invalid sequence replaced by U+FFFD; `nil` when iconv does not know it.
    static func utf8(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        var start = 0
        if let (marked, length) = CharacterDecoding.byteOrderMark(bytes), marked == encoding { start = length }
        return CharacterDecoding.transcode(Array(bytes[start...]), from: encoding).map { Array($0.text.utf8) }
    }
}
