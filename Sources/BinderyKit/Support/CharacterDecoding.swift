import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a downloaded document into UTF-8 text, whatever the
/// encoding and however (or whether) it was declared.
///
/// Feeds and pages name their encoding in the HTTP `Content-Type`, in the XML
/// declaration or a `<meta charset>`, in a byte-order mark — or nowhere, and
/// sometimes wrongly (a server that says `charset=utf-8` in front of a GBK
/// file). So each declaration is a candidate, tried in order of authority,
/// and the first one the bytes are valid in wins; when none is valid the
/// bytes are sniffed (UTF-8, GB18030, Big5-HKSCS, Windows-1252).
public enum CharacterDecoding {
    public struct Decoded: Sendable {
        public var text: String
        /// The encoding used, as passed to iconv (e.g. `UTF-8`, `GB18030`).
        public var encoding: String
        /// Byte sequences invalid in `encoding`, each replaced by U+FFFD.
        public var replacements: Int
    }

    /// Decodes `bytes`. `declared` are the encodings the document's
    /// surroundings name, most authoritative first (HTTP charset, then the
    /// document's own declaration); `nil` and unknown names are skipped.
    public static func decode(_ bytes: [UInt8], declared: [String?]) -> Decoded {
        if let (bomEncoding, length) = byteOrderMark(bytes) {
            let body = Array(bytes.dropFirst(length))
            if let decoded = transcode(body, from: bomEncoding) { return decoded }
        }
        var candidates: [String] = []
        for label in declared.compactMap({ $0 }) {
            if let name = canonicalName(label), !candidates.contains(name) { candidates.append(name) }
        }
        // A Latin-1-family label decodes any bytes without error, so it
        // cannot be checked: when the bytes are valid UTF-8 with non-ASCII
        // text, the label is a server default and UTF-8 goes first.
        if candidates.contains(where: isSingleByteCatchAll), isValidUTF8(bytes), bytes.contains(where: { $0 >= 0x80 }) {
            candidates.removeAll(where: isSingleByteCatchAll)
            candidates.insert("UTF-8", at: 0)
        }
        var best: Decoded?
        for candidate in candidates {
            guard let decoded = transcode(bytes, from: candidate) else { continue }
            if decoded.replacements == 0 { return decoded }
            if best == nil || decoded.replacements < best!.replacements { best = decoded }
        }
        // Text that is UTF-8 but for a few damaged bytes stays UTF-8: a
        // single-byte encoding would read it without errors, and wrongly.
        let utf8 = transcode(bytes, from: "UTF-8")!
        let highBytes = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        if utf8.replacements == 0 || utf8.replacements * 10 < highBytes { return utf8 }
        for candidate in sniffedEncodings(bytes) where !candidates.contains(candidate) {
            guard let decoded = transcode(bytes, from: candidate) else { continue }
            if decoded.replacements == 0 { return decoded }
            if best == nil || decoded.replacements < best!.replacements { best = decoded }
        }
        return best.map { $0.replacements < utf8.replacements ? $0 : utf8 } ?? utf8
    }

    /// The iconv name for an encoding label, following the WHATWG Encoding
    /// Standard's aliases where feeds get them wrong: GB2312 and GBK text
    /// routinely uses characters beyond its label (read as GB18030, their
    /// superset), Big5 as Big5-HKSCS, ISO-8859-1 and ASCII as Windows-1252.
    /// `nil` for a label iconv does not know.
    public static func canonicalName(_ label: String) -> String? {
        let key = label.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .lowercased()
        guard !key.isEmpty else { return nil }
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312-80", "gb_2312", "csgb2312",
             "chinese", "iso-ir-58", "euc-cn", "gb18030": return "GB18030"
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950", "x-euc-tw": return "BIG5-HKSCS"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "windows-1252",
             "cp1252", "x-cp1252", "cp819", "ibm819", "iso_8859-1": return "WINDOWS-1252"
        case "utf-16", "utf16": return "UTF-16"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "shift_jis", "sjis", "x-sjis", "ms_kanji", "windows-31j": return "CP932"
        case "euc-kr", "ks_c_5601-1987", "windows-949": return "CP949"
        default:
            let name = key.uppercased()
            let descriptor = iconv_open("UTF-8", name)
            guard descriptor != iconv_t(bitPattern: -1) else { return nil }
            iconv_close(descriptor)
            return name
        }
    }

    private static func isSingleByteCatchAll(_ name: String) -> Bool {
        name == "WINDOWS-1252" || name.hasPrefix("ISO-8859") || name.hasPrefix("WINDOWS-125")
    }

    /// A byte-order mark and its length (UTF-8, UTF-16 LE/BE).
    static func byteOrderMark(_ bytes: [UInt8]) -> (String, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// The encoding named by an XML declaration (`<?xml … encoding="gbk"?>`)
    /// at the start of `bytes`, as written.
    public static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D {
            start += 1
        }
        let head = bytes[start..<min(bytes.count, start + 256)]
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        return attributeValue(named: "encoding", in: String(decoding: head[..<end], as: UTF8.self))
    }

    /// The charset an HTML page names in its first kilobytes:
    /// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
    public static func htmlDeclaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        var searchFrom = head.startIndex
        while let meta = head.range(of: "<meta", range: searchFrom..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = String(head[meta.upperBound..<tagEnd])
            if let charset = attributeValue(named: "charset", in: tag) { return charset }
            if let content = attributeValue(named: "content", in: tag), let charset = charsetParameter(content) {
                return charset
            }
            searchFrom = tagEnd
        }
        return nil
    }

    /// The `charset` parameter of a media type (`text/xml; charset=GBK`).
    public static func charsetParameter(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\"'")))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// `name="value"` (or single-quoted, or bare) inside a tag's text.
    private static func attributeValue(named name: String, in tag: String) -> String? {
        var search = tag.startIndex
        while let found = tag.range(of: name, range: search..<tag.endIndex) {
            search = found.upperBound
            if found.lowerBound > tag.startIndex {
                let before = tag[tag.index(before: found.lowerBound)]
                guard before == " " || before == "\t" || before == "\n" || before == "\r" else { continue }
            }
            var rest = tag[found.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let value = rest.dropFirst().prefix { $0 != quote }
                return value.isEmpty ? nil : String(value)
            }
            let value = rest.prefix { !" \t\r\n/>;\"'".contains($0) }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    // MARK: Sniffing

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        TextBytes.damage(of: bytes[...]).invalidBytes == 0
    }

    /// The likely encodings of undeclared non-UTF-8 bytes, likeliest first.
    ///
    /// GB2312/GBK and Big5 share their lead-byte range, but differ in their
    /// second bytes: GB2312 text keeps them in 0xA1–0xFE, while Big5 puts
    /// a good share of its common characters (and its punctuation `，` A1 41,
    /// `。` A1 43) in 0x40–0x7E. Single high bytes between ASCII point to a
    /// Latin encoding.
    static func sniffedEncodings(_ bytes: [UInt8]) -> [String] {
        var pairs = 0, lowTrails = 0, lone = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b >= 0x81 else { i += 1; continue }
            if b <= 0xFE, i + 1 < bytes.count, bytes[i + 1] >= 0x40, bytes[i + 1] != 0x7F, bytes[i + 1] != 0xFF {
                pairs += 1
                if bytes[i + 1] < 0x80 { lowTrails += 1 }
                i += 2
            } else {
                lone += 1
                i += 1
            }
        }
        if pairs == 0 || lone > pairs { return ["WINDOWS-1252", "GB18030", "BIG5-HKSCS"] }
        return lowTrails * 8 > pairs ? ["BIG5-HKSCS", "GB18030", "WINDOWS-1252"] : ["GB18030", "BIG5-HKSCS", "WINDOWS-1252"]
    }

    // MARK: iconv

    /// `bytes` in `encoding` as a String, invalid sequences replaced by
    /// U+FFFD and counted; `nil` when iconv does not know the encoding.
    static func transcode(_ bytes: [UInt8], from encoding: String) -> Decoded? {
        if encoding == "UTF-8" {
            let invalid = TextBytes.damage(of: bytes[...]).invalidBytes
            return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: encoding, replacements: invalid)
        }
        let descriptor = iconv_open("UTF-8", encoding)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        var replacements = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        input.withUnsafeMutableBufferPointer { source in
            var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inLeft = source.count
            while inLeft > 0 {
                let (result, failure, produced) = chunk.withUnsafeMutableBufferPointer { target -> (Int, Int32, Int) in
                    var outPointer = target.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                    var outLeft = target.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, errno, target.count - outLeft)
                }
                output.append(contentsOf: chunk[0..<produced])
                if result != -1 { break }
                switch failure {
                case E2BIG:
                    continue
                case EILSEQ, EINVAL:
                    // An invalid (or, at the end, truncated) sequence: one byte
                    // becomes U+FFFD and decoding goes on after it.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replacements += 1
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                default:
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replacements += 1
                    inLeft = 0
                }
            }
        }
        return Decoded(text: String(decoding: output, as: UTF8.self), encoding: encoding, replacements: replacements)
    }
}
