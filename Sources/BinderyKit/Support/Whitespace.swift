/// White space, in the few senses Bindery needs, each defined once.

extension UInt8 {
    /// ASCII white space as HTML, the URL standard and XML define it (HTML
    /// §2.3.1): space, tab, LF, FF, CR. Never inside a multi-byte UTF-8
    /// sequence, so byte-level scans are safe.
    var isHTMLSpace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D
    }
}

extension Unicode.Scalar {
    var isHTMLSpace: Bool { value < 0x80 && UInt8(value).isHTMLSpace }

    /// In Foundation's `.whitespacesAndNewlines`: Unicode `White_Space`
    /// (the `Z*` categories, U+0009–U+000D, U+0085) and, on Linux, U+200B
    /// ZERO WIDTH SPACE (a space separator in old Unicode versions).
    var isFoundationWhitespace: Bool {
        properties.isWhitespace || value == 0x200B
    }
}

extension StringProtocol {
    /// Nothing but HTML white space (U+00A0, which is meant, does not count).
    var isHTMLWhitespace: Bool { utf8.allSatisfy(\.isHTMLSpace) }

    /// Nothing but white space in Foundation's sense: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines).isEmpty` says,
    /// without the cost of building the trimmed string.
    var isBlank: Bool {
        unicodeScalars.allSatisfy(\.isFoundationWhitespace)
    }
}

extension String {
    /// Without leading and/or trailing HTML white space — what the URL and
    /// HTML specs strip from attribute values such as `src` (WHATWG URL
    /// §4.4, HTML §2.3.2), and what is insignificant at a paragraph's edges.
    /// Much cheaper than Foundation's `trimmingCharacters(in:)` on hot paths.
    func trimmingHTMLWhitespace(leading: Bool = true, trailing: Bool = true) -> String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        if leading { while start < end, bytes[start].isHTMLSpace { start = bytes.index(after: start) } }
        if trailing {
            while end > start, bytes[bytes.index(before: end)].isHTMLSpace { end = bytes.index(before: end) }
        }
        return start == bytes.startIndex && end == bytes.endIndex ? self : String(self[start..<end])
    }

    /// For one-line text (titles, captions, alt text, bylines): runs of any
    /// Unicode white space (line breaks and U+00A0 included) become one
    /// space, zero-width characters go, both ends are trimmed.
    ///
    /// Built as UTF-8 bytes: appending scalar by scalar to a
    /// `String.UnicodeScalarView` cost some 400 instructions a character,
    /// and this runs on every title, date line and caption.
    func collapsingWhitespace() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                if scalar.isASCII {
                    out.append(UInt8(truncatingIfNeeded: scalar.value))
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Without leading and trailing U+0020 (text whose other white space
    /// was already collapsed).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
              let last = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        return String(scalars[first...last])
    }
}

/// Whitespace collapsed as HTML renders text (CSS `white-space: normal`):
/// runs of HTML white space become one space; U+00A0 is content.
enum HTMLWhitespace {
    /// Collapses runs of whitespace to one space. `afterSpace` says whether
    /// the text continues a space (then a leading space is dropped) and
    /// returns whether it ends in one.
    static func collapse(_ text: String, afterSpace: inout Bool) -> String {
        var text = text
        let before = afterSpace
        let (collapsed, endsInSpace): (String?, Bool) = text.withUTF8 { bytes in
            // Most text needs nothing: find the first byte to change before copying.
            let (index, spaceBefore) = firstChange(in: bytes, afterSpace: before)
            guard index < bytes.count else { return (nil, spaceBefore) }
            var space = spaceBefore
            let result = String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = index
                if index > 0 { output.baseAddress!.update(from: bytes.baseAddress!, count: index) }
                for byte in bytes[index...] {
                    if byte.isHTMLSpace {
                        if !space {
                            output[count] = 0x20
                            count += 1
                        }
                        space = true
                    } else {
                        output[count] = byte
                        count += 1
                        space = false
                    }
                }
                return count
            }
            return (result, space)
        }
        afterSpace = endsInSpace
        return collapsed ?? text
    }

    /// Whitespace collapsed, none left at either end.
    static func collapsedAndTrimmed(_ text: String) -> String {
        var afterSpace = true
        let collapsed = collapse(text, afterSpace: &afterSpace)
        return afterSpace && !collapsed.isEmpty ? String(decoding: collapsed.utf8.dropLast(), as: UTF8.self) : collapsed
    }

    /// The index of the first byte collapsing changes (`bytes.count` if
    /// none), and whether the bytes before it end in a space. Kept free of
    /// captured state so the loop stays in registers: it sees every byte.
    private static func firstChange(in bytes: UnsafeBufferPointer<UInt8>, afterSpace: Bool) -> (Int, Bool) {
        guard let base = bytes.baseAddress else { return (0, afterSpace) }
        let count = bytes.count
        var space = afterSpace
        var index = 0
        while index < count {
            // Runs of ordinary bytes (above space) are the bulk: skip them in a tight loop.
            let runStart = index
            while index < count && base[index] > 0x20 { index += 1 }
            if index > runStart { space = false }
            guard index < count else { break }
            let byte = base[index]
            if byte == 0x20 {
                if space { break }
                space = true
            } else if byte.isHTMLSpace {
                break
            } else {
                space = false
            }
            index += 1
        }
        return (index, space)
    }
}
